// The config's `modules:` section every test core (RecordingCore) makes its module states from
// unless a test gives its own: what the unit tests and the conformance table's rows expect to
// exist (htable's tables, a dispatcher set, permission groups...). One key per module; each
// module's owner keeps its own entry.
export const TEST_MODULE_CONFIG: Record<string, unknown> = {
  htable: undefined,
  pike: undefined,
  permissions: undefined,
  nathelper: undefined,
  dispatcher: undefined,
  uac: undefined,
  uac_redirect: undefined,
  rtpengine: undefined,
  rtpproxy: undefined,
  http_client: undefined,
  http_async_client: undefined,
  xlog: undefined,
  acc: undefined,
};

