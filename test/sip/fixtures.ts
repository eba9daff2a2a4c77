// Sample messages shared by the SIP tests. `crlf` turns readable '\n' text into wire form.
export function crlf(text: string): Buffer {
  return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
}

export const REGISTER = crlf(`REGISTER sip:example.com SIP/2.0
Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport
Max-Forwards: 70
To: "Alice" <sip:alice@example.com>
From: "Alice" <sip:alice@example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.example.com
CSeq: 314159 REGISTER
Contact: <sip:alice@192.0.2.10:5060>;expires=3600
Expires: 7200
Authorization: Digest username="alice", realm="example.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="sip:example.com", response="6629fae49393a05397450978507c4ef1", algorithm=MD5
Content-Length: 0

`);

export const INVITE_BODY = 'v=0\r\no=alice 2890844526 2890844526 IN IP4 pc33.example.com\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n';

export const INVITE = Buffer.concat([crlf(`INVITE sip:bob@biloxi.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bKnashds8
Max-Forwards: 70
To: Bob <sip:bob@biloxi.example.com>
From: Alice <sip:alice@example.com>;tag=1928301774
Call-ID: a84b4c76e66710
CSeq: 314159 INVITE
Contact: <sip:alice@pc33.example.com>
Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>
Route: <sip:p3.example.com;lr>
Content-Type: application/sdp; charset=utf-8
Content-Length: ${Buffer.byteLength(INVITE_BODY)}

`), Buffer.from(INVITE_BODY)]);

export const OPTIONS = crlf(`OPTIONS sip:carol@chicago.example.com SIP/2.0
Via: SIP/2.0/TCP pc33.example.com;branch=z9hG4bKhjhs8ass877
Max-Forwards: 70
To: <sip:carol@chicago.example.com>
From: Alice <sip:alice@example.com>;tag=1928301774
Call-ID: a84b4c76e66710
CSeq: 63104 OPTIONS
Accept: application/sdp
Content-Length: 0

`);

export const REPLY_200 = crlf(`SIP/2.0 200 OK
Via: SIP/2.0/UDP proxy.example.com:5060;branch=z9hG4bK-proxy;received=198.51.100.1
Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bKnashds8
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
From: Alice <sip:alice@example.com>;tag=1928301774
Call-ID: a84b4c76e66710
CSeq: 314159 INVITE
Contact: <sip:bob@192.0.2.4>
Content-Length: 0

`);
