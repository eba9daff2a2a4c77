// libcurl's result codes, which Kamailio's http_client returns to the script when a request
// fails before an HTTP status is known (7: no connection, 28: timeout...), and the texts
// $curlerror(code) gives for them (curl_easy_strerror). Only the codes a request can end in.
export const CURL = {
  OK: 0,
  UNSUPPORTED_PROTOCOL: 1,
  URL_MALFORMAT: 3,
  COULDNT_RESOLVE_HOST: 6,
  COULDNT_CONNECT: 7,
  WEIRD_SERVER_REPLY: 8,
  HTTP_RETURNED_ERROR: 22,
  WRITE_ERROR: 23,
  OPERATION_TIMEDOUT: 28,
  TOO_MANY_REDIRECTS: 47,
  GOT_NOTHING: 52,
  SEND_ERROR: 55,
  RECV_ERROR: 56,
  PEER_FAILED_VERIFICATION: 60,
  SSL_CONNECT_ERROR: 35,
  FILESIZE_EXCEEDED: 63,
} as const;

const TEXTS: Readonly<Record<number, string>> = {
  0: 'No error',
  1: 'Unsupported protocol',
  2: 'Failed initialization',
  3: 'URL using bad/illegal format or missing URL',
  5: "Couldn't resolve proxy name",
  6: "Couldn't resolve host name",
  7: "Couldn't connect to server",
  8: 'Weird server reply',
  22: 'HTTP response code said error',
  23: 'Failed writing received data to disk/application',
  27: 'Out of memory',
  28: 'Timeout was reached',
  35: 'SSL connect error',
  47: 'Number of redirects hit maximum amount',
  52: 'Server returned nothing (no headers, no data)',
  55: 'Failed sending data to the peer',
  56: 'Failure when receiving data from the peer',
  58: 'Problem with the local SSL certificate',
  60: "SSL peer certificate or SSH remote key was not OK",
  63: 'Maximum file size exceeded',
  77: 'Problem with the SSL CA cert (path? access rights?)',
};

/** curl_easy_strerror: the text of a code, 'Unknown error' for the ones curl does not name. */
export function curlErrorText(code: number): string {
  return TEXTS[code] ?? 'Unknown error';
}
