/** The register as register rules see it: documents by id, members, and governance cycles. Pure. */
import type { DocRecord } from './document.js';
import type { Member } from './members.js';

export interface RegisterView {
  docs: readonly DocRecord[];
  /** Documents by id; more than one when an id is used twice. */
  byId: ReadonlyMap<string, readonly DocRecord[]>;
  members: ReadonlyMap<string, Member>;
  /** Ids of documents that sit on a governed_by cycle, with the cycle as text. */
  cycles: ReadonlyMap<string, string>;
}

/** Returns the register view that register rules check documents against. */
export function buildRegisterView(records: readonly DocRecord[], members: readonly Member[]): RegisterView {
  const byId = new Map<string, DocRecord[]>();
  for (const r of records) {
    const id = r.data?.id;
    if (typeof id !== 'string') continue;
    const list = byId.get(id);
    if (list) list.push(r);
    else byId.set(id, [r]);
  }
  return { docs: records, byId, members: new Map(members.map((m) => [m.id, m])), cycles: findCycles(byId) };
}

function findCycles(byId: ReadonlyMap<string, readonly DocRecord[]>): Map<string, string> {
  // Tarjan's strongly connected components over governed_by edges.
  const none: string[] = [];
  const edges = (id: string): string[] => {
    const list = byId.get(id)?.[0]?.data?.governed_by;
    if (!Array.isArray(list) || list.length === 0) return none;
    return list.filter((x): x is string => typeof x === 'string' && x !== id && byId.has(x));
  };
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out = new Map<string, string>();
  let counter = 0;
  for (const start of byId.keys()) {
    if (index.has(start)) continue;
    // Iterative DFS so that a long chain cannot overflow the call stack.
    const work: { id: string; next: number; targets: string[] }[] = [];
    const push = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, targets: edges(id) });
    };
    push(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.next < top.targets.length) {
        const t = top.targets[top.next++]!;
        if (!index.has(t)) push(t);
        else if (onStack.has(t)) low.set(top.id, Math.min(low.get(top.id)!, index.get(t)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!;
        low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      }
      if (low.get(top.id) === index.get(top.id)) {
        const component: string[] = [];
        let x: string;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          component.push(x);
        } while (x !== top.id);
        if (component.length > 1) {
          const text = describeCycle(component, edges);
          for (const id of component) out.set(id, text);
        }
      }
    }
  }
  return out;
}

/**
 * Returns a cycle through a strongly connected component as "A → B → A", following real governed_by links from the
 * smallest id.
 */
function describeCycle(component: string[], edges: (id: string) => string[]): string {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const path = [start];
  const visited = new Set([start]);
  const walk = (id: string): boolean => {
    for (const next of edges(id)) {
      if (next === start) return true;
      if (!members.has(next) || visited.has(next)) continue;
      visited.add(next);
      path.push(next);
      if (walk(next)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return [...path, start].join(' → ');
}
