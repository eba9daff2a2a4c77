// Registrar failures as Kamailio reports them: a status code with its standard reason, and
// the detail in a P-Registrar-Error header (Kamailio's reply.c does the same).

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  420: 'Bad Extension',
  500: 'Server Internal Error',
  503: 'Service Unavailable',
};

export class RegistrarError extends Error {
  constructor(
    readonly code: number,
    readonly detail: string,
    readonly extraHeaders: string[] = [],
  ) {
    super(`${code} ${detail}`);
    this.name = 'RegistrarError';
  }

  get reason(): string {
    return REASONS[this.code] ?? 'Error';
  }
}

export const E = {
  toParse: () => new RegistrarError(400, 'Error while parsing To'),
  aor: (why: string) => new RegistrarError(400, `Error while extracting AOR: ${why}`),
  contactParse: (why: string) => new RegistrarError(400, `Error while parsing Contact: ${why}`),
  expiresParse: () => new RegistrarError(400, 'Error while parsing Expires'),
  starExpires: () => new RegistrarError(400, 'Invalid expires value for star contact'),
  invalidQ: (q: string) => new RegistrarError(400, `Invalid q value: ${q}`),
  cseq: () => new RegistrarError(400, 'Invalid CSeq number'),
  tooMany: () => new RegistrarError(503, 'Too many registered contacts'),
  pathUnsupported: () => new RegistrarError(420, 'Path not supported by the UA', ['Unsupported: path\r\n']),
  store: () => new RegistrarError(500, 'Error while accessing the location store'),
  tableFull: () => new RegistrarError(500, 'No memory left for the location table'),
};
