/** Counts in words that agree in number: "1 document", "2 documents", "1 apology", "2 apologies". */

/** Returns the plural of a noun: a y after a consonant made ies (apologies), else s added (days, documents). */
export function plural(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

/** Returns n and the noun in the number n asks for: "0 documents", "1 document", "3 apologies". */
export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : plural(noun)}`;
}
