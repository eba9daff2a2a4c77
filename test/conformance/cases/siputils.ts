// Conformance rows (written with ../case-kit.ts): siputils, issue 10 — Kamailio's Contact
// encodings (separator '*'; Base64URL parameters), byte for byte.
import type { ConformanceCase } from '../cases.js';
import { FIXTURES } from '../../support/sip-fixtures.js';
import { I, c, v } from '../case-kit.js';

const REGISTER_CONTACT = 'Contact: <sip:alice@192.0.2.10:5062>;expires=3600';
/** The register fixture with its Contact line replaced. */
const registerWith = (contact: string): string => FIXTURES.register.replace(REGISTER_CONTACT, contact);
/** Base64URL of the register fixture's Contact URI, without padding (Kamailio's contact_param_encode). */
const B64_CONTACT = 'c2lwOmFsaWNlQDE5Mi4wLjIuMTA6NTA2Mg';
/** The same URI with ";alias=192.0.2.10~5062~1" (the fixture's source, UDP). */
const B64_ALIAS = Buffer.from('sip:alice@192.0.2.10:5062;alias=192.0.2.10~5062~1').toString('base64url');
const ENCODED = 'Contact: <sip:enc*alice**192.0.2.10*5062*@203.0.113.1>;expires=3600';
const INVITE_RURI = 'sip:bob@example.com:5080;transport=udp';

export const SIPUTILS_CASES: ConformanceCase[] = [
  c('siputils.encode_contact', ['enc', '203.0.113.1'], I(1), { fixture: 'register', host: { builtExact: registerWith(ENCODED) } }),
  c('siputils.encode_contact', ['enc', '203.0.113.1'], I(-1), { fixture: 'options', name: 'siputils.encode_contact without Contact', host: { builtExact: FIXTURES.options } }),
  c('siputils.decode_contact', [], I(1), {
    edit: [INVITE_RURI, 'sip:enc*bob*pw*198.51.100.20*5070*tcp@203.0.113.1;lr'],
    host: { ruri: 'sip:bob:pw@198.51.100.20:5070;transport=tcp;lr' },
  }),
  c('siputils.decode_contact', [], I(-26), { name: 'siputils.decode_contact on a plain R-URI', host: { ruri: INVITE_RURI } }),
  c('siputils.decode_contact_header', [], I(1), { fixture: 'register', edit: [REGISTER_CONTACT, ENCODED], host: { builtExact: FIXTURES.register } }),
  c('siputils.decode_contact_header', [], I(-26), { fixture: 'register', name: 'siputils.decode_contact_header on a plain Contact', host: { builtExact: FIXTURES.register } }),
  c('siputils.contact_param_encode', ['ksu', 'sip:1.2.3.4:5060;transport=tcp'], I(1), {
    fixture: 'register',
    host: { builtExact: registerWith(`Contact: <sip:1.2.3.4:5060;transport=tcp;ksu=${B64_CONTACT}>;expires=3600`) },
  }),
  c('siputils.contact_param_encode_alias', ['ksu', 'sip:1.2.3.4'], I(1), {
    fixture: 'register',
    host: { builtExact: registerWith(`Contact: <sip:1.2.3.4;ksu=${B64_ALIAS}>;expires=3600`) },
  }),
  c('siputils.contact_param_decode', ['ksu'], I(1), {
    fixture: 'register',
    edit: [REGISTER_CONTACT, `Contact: <sip:1.2.3.4;ksu=${B64_CONTACT}>;expires=3600`],
    host: { builtExact: FIXTURES.register },
  }),
  c('siputils.contact_param_decode', ['ksu'], I(-1), {
    fixture: 'register',
    name: 'siputils.contact_param_decode of a value that is not Base64URL',
    edit: [REGISTER_CONTACT, 'Contact: <sip:1.2.3.4;ksu=a+b>'],
    host: { builtExact: registerWith('Contact: <sip:1.2.3.4;ksu=a+b>') },
  }),
  c('siputils.contact_param_decode_ruri', ['ksu'], I(1), { edit: [INVITE_RURI, `sip:1.2.3.4;ksu=${B64_CONTACT}`], host: { ruri: 'sip:alice@192.0.2.10:5062' } }),
  c('siputils.contact_param_rm', ['ksu'], I(1), {
    fixture: 'register',
    edit: [REGISTER_CONTACT, 'Contact: <sip:alice@192.0.2.10:5062;ksu=abc;lr>;expires=3600'],
    host: { builtExact: registerWith('Contact: <sip:alice@192.0.2.10:5062;lr>;expires=3600') },
  }),
  v('siputils.contact_param_check', ['ksu'], I(1), { fixture: 'register', edit: [REGISTER_CONTACT, 'Contact: <sip:a@b;KSU=x>'] }),
  v('siputils.contact_param_check', ['ksu'], I(-1), { fixture: 'register', name: 'siputils.contact_param_check without the parameter' }),
];
