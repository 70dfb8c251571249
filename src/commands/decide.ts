/** ppp decide: record a meeting's decision that is not an approval, in the document and in the meeting's record. */
import { join } from 'node:path';
import { compareDates } from '../core/calendar.js';
import {
  appendDecision,
  decisionsFile,
  DECISIONS,
  planDecision,
  withTemplateSections,
  type Decision,
} from '../core/decisions.js';
import { GOVERNORS, type IndexedFrontMatter } from '../core/document.js';
import { RefusalError, UsageError } from '../core/errors.js';
import { meetings, scheduledMeeting } from '../core/meetings.js';
import { parseTemplate, type Template } from '../core/templates.js';
import { realToday, today as todayOf } from '../io/clock.js';
import { readTextIfExists, removePath, writeFileAtomic } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { editDocument, openDocument, restoreDocument, writeDocument } from './steps/edit-document.js';
import { findDocument, loadRegister, type LoadedRegister } from './steps/load-register.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

export interface DecideOptions {
  register?: string;
  today?: string;
  id: string;
  decision: string;
  meeting?: string;
  reason?: string;
  /** For agree: the governing document of the new one. */
  governedBy?: string;
}

export interface DecideResult {
  id: string;
  decision: Decision;
  meeting: string;
  /** The document's status after the decision. */
  status: string;
  /** For defer: the meeting the item goes to. */
  deferredTo?: string;
  /** The meeting's record of decisions, register-relative. */
  file: string;
}

/** Records the decision and returns what it did; refuses (nothing written) when it cannot be made. */
export async function decide(options: DecideOptions, io: Io): Promise<DecideResult> {
  if (!(DECISIONS as readonly string[]).includes(options.decision)) {
    throw new UsageError(`${options.decision} is not a decision; use one of: ${DECISIONS.join(', ')}`);
  }
  const decision = options.decision as Decision;
  if (options.meeting === undefined) throw new UsageError('say which meeting decided: pass --meeting DATE');
  const loaded = await loadRegister(io, { register: options.register, write: 'decide' });
  const { settings } = loaded;
  const calendar = await loadWorkingCalendar(settings);
  const meeting = scheduledMeeting(settings, calendar, options.meeting).date;
  const record = findDocument(loaded, options.id);
  // A decision is recorded once it has been made: never for a meeting after today, nor after the real date.
  const real = realToday(io, settings.timezone);
  const today = todayOf(io, settings.timezone, options.today);
  const latest = compareDates(today, real) < 0 ? today : real;
  if (compareDates(meeting, latest) > 0) {
    throw new RefusalError(
      `the meeting of ${meeting} has not taken place yet (today is ${latest}); record its decisions once it has met; ` +
        'nothing was changed',
    );
  }
  const doc = openDocument(loaded, record);
  const next = meetings(settings, calendar, meeting, { count: 2 }).find((m) => m.date > meeting)?.date;
  if (options.governedBy !== undefined) {
    if (decision !== 'agree')
      throw new UsageError('--governed-by goes with agree: it says where the new document sits');
    checkGovernor(loaded, record.data, options.governedBy);
  }
  const plan = planDecision(doc.data, {
    decision,
    meeting,
    reason: options.reason,
    nextMeeting: next,
    recordedOn: real,
    governedBy: options.governedBy,
  });
  if (!plan.ok) {
    throw new RefusalError(
      `${options.id}: ${decision} cannot be recorded; nothing was changed:\n` +
        plan.refusals.map((r) => `  - ${r}`).join('\n'),
    );
  }
  const hasChanges = Object.keys(plan.changes).length > 0;
  const after = hasChanges
    ? await editDocument(loaded, doc, plan.changes, {
        refusal: `${options.id} would not validate after the decision`,
        // An agreed proposal becomes a draft: it gets the sections its type needs, to be drafted.
        body: decision === 'agree' ? (text) => withTemplateSections(text, templateOf(loaded, record.data)) : undefined,
      })
    : undefined;

  // The meeting's record first, then the document; should the second write fail, the first is undone.
  const file = decisionsFile(meeting);
  const path = join(loaded.root, file);
  const before = readTextIfExists(path);
  writeFileAtomic(path, appendDecision(before ?? '', meeting, plan.record));
  if (after !== undefined) {
    try {
      writeDocument(doc, after);
    } catch (error) {
      if (before === undefined) removePath(path);
      else writeFileAtomic(path, before);
      restoreDocument(doc);
      throw error;
    }
  }
  return { id: options.id, decision, meeting, status: plan.status, deferredTo: plan.record.deferred_to, file };
}

/** Refuses a governing document that does not exist or may not govern the type. */
function checkGovernor(loaded: LoadedRegister, data: IndexedFrontMatter, id: string): void {
  const target = loaded.records.find((r) => r.data?.id === id)?.data;
  if (!target)
    throw new UsageError(`--governed-by ${id} is not a document in the register; check the id with ppp register`);
  const allowed = GOVERNORS[String(data.type)];
  if (allowed && !(allowed as readonly string[]).includes(String(target.type))) {
    throw new UsageError(
      `--governed-by ${id} is a ${String(target.type)}; ` +
        `a ${String(data.type)} is governed by a ${allowed.join(' or ')}`,
    );
  }
}

/** Returns the template of the document's type, the register's own where it has one. */
function templateOf(loaded: LoadedRegister, data: IndexedFrontMatter): Template {
  const source = loaded.contextInput.templates.find((t) => t.type === data.type);
  if (!source) throw new UsageError(`${String(data.type)} has no template`);
  return parseTemplate(source.type, source.text, source.source);
}
