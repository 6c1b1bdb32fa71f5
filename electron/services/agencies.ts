import { AppError, type AgencyDeadline, type Handlers } from '../../core/api.js';
import { parseDeadline } from '../../core/rules/context.js';
import { DEADLINES } from '../../core/rules/document.js';
import type { Store } from '../store/index.js';

/** The agencies whose reports are kept here: listed, added, their details changed. */
export function agencyHandlers(store: Store, now: () => string): Pick<Handlers, 'agency.list' | 'agency.create' | 'agency.update' | 'agency.deadline' | 'agency.deadline.save'> {
  return {
    'agency.list': () => store.agencies.list(),
    'agency.create': ({ agency }) => store.agencies.create(agency, now()),
    'agency.update': ({ id, agency }) => {
      const saved = store.agencies.save(id, agency, now());
      if (!saved) throw new AppError('not_found', '找不到这个机关，可能已被删除');
      return saved;
    },
    'agency.deadline': ({ agencyId }) => deadlineOf(store, agencyId),
    'agency.deadline.save': ({ agencyId, deadline }) => {
      if (!store.agencies.get(agencyId)) throw new AppError('not_found', '找不到这个机关，可能已被删除');
      // kept in one spelling (「1-20」), whichever the clerk typed (「1月20日」, 「01-20」)
      const parsed = deadline ? parseDeadline(deadline) : null;
      store.agencies.setDeadline(agencyId, parsed ? `${parsed.month}-${parsed.day}` : '');
      return deadlineOf(store, agencyId);
    },
  };
}

function deadlineOf(store: Store, agencyId: number): AgencyDeadline {
  const agency = store.agencies.get(agencyId);
  if (!agency) throw new AppError('not_found', '找不到这个机关，可能已被删除');
  const statutory = DEADLINES[agency.level];
  return { deadline: store.agencies.deadline(agencyId), statutory: statutory ? `${statutory[0]}月${statutory[1]}日` : '' };
}

/** The deadline local rules set an agency, as the rules take it; undefined when the statutory one applies. */
export function localDeadline(store: Store, agencyId: number) {
  const set = store.agencies.deadline(agencyId);
  return (set && parseDeadline(set)) || undefined;
}
