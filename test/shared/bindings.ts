// A location record for the shared-state tests.
import type { LocationRecord } from '../../host/store/store.js';

export function binding(user: string, contact: string, over: Partial<LocationRecord> = {}): LocationRecord {
  return {
    ruid: `r-${user}-${contact}`, username: user, domain: '', contact, received: '', path: '',
    expires: 1_700_003_600, q: -1, callid: `c-${user}`, cseq: 1, lastModified: 1_700_000_000, flags: 0, cflags: 0,
    userAgent: 'test', socket: 'udp:127.0.0.1:5060', methods: -1, instance: '', regId: 0, serverId: 0,
    connectionId: -1, keepalive: 0, partition: 0, ...over,
  };
}
