// Conformance rows of KSR.dispatcher (written with ../case-kit.ts). The sets are the inline
// list of TEST_MODULE_CONFIG.dispatcher: set 1 = 127.0.0.1:5071, :5072 (equal priorities:
// Kamailio's order puts the later line first), set 2 = 127.0.0.2:5080 (priority 10, weight 70,
// duid gw1) and 127.0.0.3:5080;transport=tcp (priority 5, weight 30, duid gw2), set 3 = one
// inactive destination. flags 2: failover records in $xavp(_dsdst_).
import type { ConformanceCase } from '../cases.js';
import { c, call, v, I } from '../case-kit.js';

const TEST = 'test/dispatcher/dispatcher.test.ts';
const G1A = 'sip:127.0.0.1:5072';
const G1B = 'sip:127.0.0.1:5071';
const G2A = 'sip:127.0.0.2:5080';
const G2B = 'sip:127.0.0.3:5080;transport=tcp';
const RURI_G2A = 'sip:bob@127.0.0.2:5080';

export const DISPATCHER_CASES: ConformanceCase[] = [
  c('dispatcher.ds_select_dst', [1, 4], I(1), { host: { dstUri: G1A, pv: { '$xavp(_dsdst_=>uri)': G1A, '$xavp(_dsdst_[1]=>uri)': G1B, '$xavp(_dsdst_=>grp)': 1, '$xavp(_dsctx_=>cnt)': 2 } } }),
  c('dispatcher.ds_select_dst', [2, 8], I(1), { host: { dstUri: G2A, pv: { '$xavp(_dsdst_=>attrs)': 'weight=70;duid=gw1;maxload=1', '$xavp(_dsdst_[1]=>uri)': G2B } }, name: 'ds_select_dst priority order (alg 8)' }),
  c('dispatcher.ds_select_dst', [3, 4], I(-1), { host: { dstUri: null, pv: { '$xavp(_dsdst_=>uri)': null } }, name: 'ds_select_dst: no active destination' }),
  c('dispatcher.ds_select_dst', [9, 4], I(-1), { host: { dstUri: null, log: { level: 'error', text: 'KSR.dispatcher.ds_select_dst: destination set [9] not found' } }, name: 'ds_select_dst: no such set' }),
  c('dispatcher.ds_select_dst_limit', [2, 8, 1], I(1), { host: { dstUri: G2A, pv: { '$xavp(_dsctx_=>cnt)': 1, '$xavp(_dsdst_[1]=>uri)': null } } }),
  c('dispatcher.ds_select', [1, 8], I(1), { host: { dstUri: null, ruri: 'sip:bob@example.com:5080;transport=udp', pv: { '$xavp(_dsdst_=>uri)': G1A } } }),
  c('dispatcher.ds_select_limit', [1, 8, 1], I(1), { host: { dstUri: null, pv: { '$xavp(_dsdst_=>uri)': G1A, '$xavp(_dsdst_[1]=>uri)': null } } }),
  c('dispatcher.ds_select_domain', [2, 8], I(1), { host: { ruri: RURI_G2A, dstUri: null, pv: { '$xavp(_dsdst_[1]=>uri)': G2B } } }),
  c('dispatcher.ds_select_domain_limit', [2, 8, 1], I(1), { host: { ruri: RURI_G2A, pv: { '$xavp(_dsctx_=>cnt)': 1 } } }),
  c('dispatcher.ds_select_routes', ['1=8;2=8', 'd'], I(1), { host: { dstUri: G1A, pv: { '$xavp(_dsctx_=>cnt)': 4, '$xavp(_dsdst_[2]=>uri)': G2A } } }),
  c('dispatcher.ds_select_routes', ['1=x', 'd'], I(-1), { host: { dstUri: null, pv: { '$xavp(_dsdst_=>uri)': null } }, name: 'ds_select_routes: bad rules' }),
  c('dispatcher.ds_select_routes_limit', ['2=8', 'ruri', 1], I(1), { host: { ruri: RURI_G2A, pv: { '$xavp(_dsctx_=>cnt)': 1 } } }),
  c('dispatcher.ds_next_dst', [], I(1), { setup: [call('dispatcher.ds_select_dst', 1, 8)], host: { dstUri: G1B, pv: { '$xavp(_dsdst_=>uri)': G1B } } }),
  c('dispatcher.ds_next_dst', [], I(-1), { setup: [call('dispatcher.ds_select_dst_limit', 1, 8, 1)], host: { dstUri: G1A, pv: { '$xavp(_dsdst_=>uri)': null } }, name: 'ds_next_dst: none left' }),
  c('dispatcher.ds_next_domain', [], I(1), { setup: [call('dispatcher.ds_select', 2, 8)], host: { ruri: 'sip:bob@127.0.0.3:5080;transport=tcp' } }),
  c('dispatcher.ds_set_dst', [], I(1), { setup: [call('dispatcher.ds_select', 1, 8)], host: { dstUri: G1A } }),
  c('dispatcher.ds_set_dst', [], I(-1), { host: { dstUri: null }, name: 'ds_set_dst: no selection' }),
  c('dispatcher.ds_set_domain', [], I(1), { setup: [call('dispatcher.ds_select', 2, 8)], host: { ruri: RURI_G2A } }),
  c('dispatcher.ds_mark_dst', [], I(1), { setup: [call('dispatcher.ds_select_dst', 1, 8)], exempt: { test: TEST, why: 'the destination state lives in the module state (ds_is_active_uri after ds_mark_dst)' } }),
  c('dispatcher.ds_mark_dst', [], I(-1), { exempt: { test: TEST, why: 'no current destination: nothing marked' }, name: 'ds_mark_dst: no selection' }),
  c('dispatcher.ds_mark_dst_state', ['ip'], I(1), { setup: [call('dispatcher.ds_select_dst', 1, 8)], exempt: { test: TEST, why: 'the destination state lives in the module state' } }),
  c('dispatcher.ds_mark_dst_state', ['zz'], I(-1), { setup: [call('dispatcher.ds_select_dst', 1, 8)], exempt: { test: TEST, why: 'bad letters: nothing marked' }, name: 'ds_mark_dst_state: bad state' }),
  c('dispatcher.ds_mark_addr', ['a', 3, 'sip:127.0.0.4:5090'], I(1), { exempt: { test: TEST, why: 'the destination state lives in the module state (ds_is_active after ds_mark_addr)' } }),
  c('dispatcher.ds_mark_addr', ['i', 1, 'sip:127.0.0.9:5060'], I(-1), { exempt: { test: TEST, why: 'no such destination: nothing marked' }, name: 'ds_mark_addr: unknown address' }),
  c('dispatcher.ds_is_from_lists', [], I(1), { rcv: { srcIp: '127.0.0.1', srcPort: 5072 }, host: { pv: { '$avp(dsset)': 1 } } }),
  c('dispatcher.ds_is_from_lists', [], I(-1), { host: { pv: { '$avp(dsset)': null } }, name: 'ds_is_from_lists: unknown source' }),
  c('dispatcher.ds_is_from_list', [2], I(1), { rcv: { srcIp: '127.0.0.2', srcPort: 5080 }, host: { pv: { '$avp(dsattrs)': 'weight=70;duid=gw1;maxload=1', '$avp(dsset)': null } } }),
  c('dispatcher.ds_is_from_list', [1], I(-1), { rcv: { srcIp: '127.0.0.1', srcPort: 5999 }, host: { pv: { '$avp(dsattrs)': null } }, name: 'ds_is_from_list: other port' }),
  c('dispatcher.ds_is_from_list_mode', [2, 3], I(1), { rcv: { srcIp: '127.0.0.3', srcPort: 5999 }, host: { pv: { '$avp(dsattrs)': 'weight=30;duid=gw2' } } }),
  c('dispatcher.ds_is_from_list_mode', [2, 0], I(-1), { rcv: { srcIp: '127.0.0.2', srcPort: 5080 }, host: { pv: { '$avp(dsattrs)': null } }, name: 'ds_is_from_list_mode 0: protocol compared' }),
  c('dispatcher.ds_is_from_list_uri', [2, 0, 'sip:127.0.0.3:5080;transport=tcp'], I(1), { host: { pv: { '$avp(dsattrs)': 'weight=30;duid=gw2' } } }),
  c('dispatcher.ds_is_from_list_uri', [2, 0, 'sip:127.0.0.3:5080'], I(-1), { host: { pv: { '$avp(dsattrs)': null } }, name: 'ds_is_from_list_uri: protocol differs' }),
  c('dispatcher.ds_load_update', [], I(1), { exempt: { test: TEST, why: 'call loads live in the module state (a BYE frees the load of its call)' } }),
  c('dispatcher.ds_load_unset', [], I(1), { exempt: { test: TEST, why: 'an INVITE without a load record: nothing to unset' } }),
  c('dispatcher.ds_load_unset', [], I(-1), { method: 'BYE', exempt: { test: TEST, why: 'no load for the call' }, name: 'ds_load_unset: no load' }),
  c('dispatcher.ds_reload', [], I(1), { exempt: { test: TEST, why: 'reloads the sets of the module state (ds_list_exists after ds_reload)' } }),
  v('dispatcher.ds_list_exists', [1], I(1)),
  v('dispatcher.ds_list_exists', [4], I(-1)),
  v('dispatcher.ds_is_active', [1], I(1)),
  v('dispatcher.ds_is_active', [3], I(-1)),
  v('dispatcher.ds_is_active_uri', [1, 'sip:127.0.0.1:5071'], I(1)),
  v('dispatcher.ds_is_active_uri', [3, 'sip:127.0.0.4:5090'], I(-1)),
];
