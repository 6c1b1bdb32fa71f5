import { AppError, type Handlers } from '../../core/api.js';
import type { Store } from '../store/index.js';

/** The agencies whose reports are kept here: listed, added, their details changed. */
export function agencyHandlers(store: Store, now: () => string): Pick<Handlers, 'agency.list' | 'agency.create' | 'agency.update'> {
  return {
    'agency.list': () => store.agencies.list(),
    'agency.create': ({ agency }) => store.agencies.create(agency, now()),
    'agency.update': ({ id, agency }) => {
      const saved = store.agencies.save(id, agency, now());
      if (!saved) throw new AppError('not_found', '找不到这个机关，可能已被删除');
      return saved;
    },
  };
}
