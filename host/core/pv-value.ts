// The value of a pseudo-variable: a string, an int (Kamailio's PV_TYPE_INT), or $null.
export type PvValue = string | number | null;
