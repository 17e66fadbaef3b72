import type { ImportType } from './data-strings.ts';

/**
 * What a chosen file most likely holds, from its name and first bytes; the person can change the
 * guess. The server checks the content either way and names the line or field of any problem.
 */
export function guessImportType(name: string, start: string): ImportType {
  const text = start.replace(/^\uFEFF/, '').trimStart();
  const lowerName = name.toLowerCase();
  if (lowerName.endsWith('.json') || text.startsWith('{') || text.startsWith('[')) {
    // A FHIR resource names its type first or early; a Sunlog export names its format.
    if (/"resourceType"\s*:/.test(text) && !/"format"\s*:\s*"sunlog-export"/.test(text)) return 'fhir';
    return 'export';
  }
  const header = (text.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  if (/fatigue|energy|mood|sleep|pain|mobility|walking|wellness|wellbeing/.test(header)) {
    return 'symptomChecks';
  }
  if (/25\s*\(?oh\)?\s*d|result|level|value|analyte|ng\/ml|nmol|ergebnis|wert|\blab\b/.test(header)) {
    return 'labResults';
  }
  return 'intakes';
}

/** A file size as people read it: "840 bytes", "12 KB", "1.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
