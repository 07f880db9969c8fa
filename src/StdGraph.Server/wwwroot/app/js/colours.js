// Colours of the neighbourhood picture and its legend: fill by issuing body, ring by status.
export const BODY_COLOURS = { GB: '#d1242f', SAC: '#d1242f', ISO: '#0969da', IEC: '#1a7f37', 'ISO/IEC': '#0e7c86', IETF: '#8250df', '…': '#6e7781' };
export const STATUS_COLOURS = { valid: '#1a7f37', superseded: '#bf8700', withdrawn: '#cf222e', upcoming: '#0969da', draft: '#8250df' };
