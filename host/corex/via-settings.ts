// Kamailio's core parameters that shape the Via this server adds: server_id (";srvid=N" when
// corex.via_add_srvid is on) and the names of the xavps read by via_add_xavp_params,
// via_use_xavp_fields and via_reply_add_xavp_params. Kamailio's defaults: server_id 0 and no
// names, and then a switch sets its flag but adds nothing.

export interface ViaSettings {
  /** Kamailio's server_id; 0: no srvid parameter even when via_add_srvid is on. */
  serverId: number;
  /** Kamailio's xavp_via_params: its fields become parameters of our Via ('' = none). */
  xavpViaParams: string;
  /** Kamailio's xavp_via_fields: its address/port/proto fields replace our Via's ('' = none). */
  xavpViaFields: string;
  /** Kamailio's xavp_via_reply_params: kept for via_reply_add_xavp_params ('' = none). */
  xavpViaReplyParams: string;
}

export const DEFAULT_VIA_SETTINGS: Readonly<ViaSettings> = Object.freeze({
  serverId: 0,
  xavpViaParams: '',
  xavpViaFields: '',
  xavpViaReplyParams: '',
});
