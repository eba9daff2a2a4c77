// The `tls:` config section: mapped to TlsSettings with the defaults, schema-checked (a wrong
// key or value names itself), and required by a `tls:` listen entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsFromConfigText } from '../../host/config/load-config.js';
import { parseListen } from '../../host/config/settings.js';

test('tls: maps to TlsSettings, the defaults filling what is not written', () => {
  const s = settingsFromConfigText([
    'listen: ["tls:127.0.0.1:5061", "udp:127.0.0.1:5060"]',
    'tls:',
    '  certificate: /etc/ksr/cert.pem',
    '  private_key: /etc/ksr/key.pem',
    '  ca_list: /etc/ksr/ca.pem',
    '  verify_client: true',
    '  servers: [{ server_name: "*.example.com", certificate: /a.pem, private_key: /a.key }]',
  ].join('\n'), 'k.yaml');
  assert.deepEqual(s.listen[0], { proto: 'tls', ip: '127.0.0.1', port: 5061 });
  assert.deepEqual(s.tls, {
    certificate: '/etc/ksr/cert.pem', privateKey: '/etc/ksr/key.pem', caList: '/etc/ksr/ca.pem',
    verifyClient: true, requireClientCertificate: false, minVersion: 'TLSv1.2',
    servers: [{ serverName: '*.example.com', certificate: '/a.pem', privateKey: '/a.key' }],
    verifyServer: true, handshakeTimeoutMs: 5000,
  });
});

test('no tls: section, no TLS settings', () => {
  assert.equal(settingsFromConfigText('listen: ["udp:127.0.0.1:5060"]\n', 'k.yaml').tls, undefined);
});

test('a tls: listen entry without a tls: section is an error naming it', () => {
  assert.throws(() => settingsFromConfigText('listen: ["udp:127.0.0.1:5060", "tls:[::1]:5061"]\n', 'k.yaml'),
    /k\.yaml: key 'listen': listen 'tls:\[::1\]:5061' needs tls\.certificate and tls\.private_key/);
});

test('wrong keys and values in tls: name themselves', () => {
  assert.throws(() => settingsFromConfigText('tls: { certificate: a, private_key: b, verify: true }\n', 'k.yaml'), /unknown key 'tls\.verify'/);
  assert.throws(() => settingsFromConfigText('tls: { certificate: a }\n', 'k.yaml'), /key 'tls' must have required property 'private_key'/);
  assert.throws(() => settingsFromConfigText('tls: { certificate: a, private_key: b, min_version: TLSv1.1 }\n', 'k.yaml'), /key 'tls\.min_version' must be equal to one of the allowed values/);
  assert.throws(() => settingsFromConfigText('tls: { certificate: a, private_key: b, servers: [{ server_name: x }] }\n', 'k.yaml'), /key 'tls\.servers\.0' must have required property 'certificate'/);
});

test('parseListen accepts tls:', () => {
  assert.deepEqual(parseListen('tls:10.0.0.1:5061 name t0'), { proto: 'tls', ip: '10.0.0.1', port: 5061, name: 't0' });
});
