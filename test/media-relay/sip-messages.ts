// The dialog the media relay tests drive: INVITE with SDP, 200 OK with SDP, BYE.
export const SDP = 'v=0\r\no=alice 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\n';

export function invite(callId: string, sdp = SDP): string {
  return `INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-${callId}\r\nMax-Forwards: 70\r\n`
    + `From: <sip:alice@example.com>;tag=ft-${callId}\r\nTo: <sip:bob@example.com>\r\nCall-ID: ${callId}\r\nCSeq: 1 INVITE\r\n`
    + `Contact: <sip:alice@192.0.2.10:5062>\r\nContent-Type: application/sdp\r\nContent-Length: ${sdp.length}\r\n\r\n${sdp}`;
}

export function ok200(callId: string, sdp = SDP.replace(/192\.0\.2\.10/g, '192.0.2.20').replace('40000', '50000')): string {
  return `SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-p-${callId}\r\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-${callId}\r\n`
    + `From: <sip:alice@example.com>;tag=ft-${callId}\r\nTo: <sip:bob@example.com>;tag=tt-${callId}\r\nCall-ID: ${callId}\r\nCSeq: 1 INVITE\r\n`
    + `Contact: <sip:bob@192.0.2.20>\r\nContent-Type: application/sdp\r\nContent-Length: ${sdp.length}\r\n\r\n${sdp}`;
}

export function bye(callId: string): string {
  return `BYE sip:bob@192.0.2.20 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-b-${callId}\r\nMax-Forwards: 70\r\n`
    + `From: <sip:alice@example.com>;tag=ft-${callId}\r\nTo: <sip:bob@example.com>;tag=tt-${callId}\r\nCall-ID: ${callId}\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n`;
}

