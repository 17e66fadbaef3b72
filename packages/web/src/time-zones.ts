import { isTimeZone } from '@sunlog/core/records/time-zone';

/** The time zone the browser reports, if the server will accept it. */
export function deviceTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isTimeZone(zone) ? zone : undefined;
}

/**
 * Every IANA zone this browser knows, plus the ones given (the saved zone may be an alias such as
 * "Asia/Calcutta" that the browser lists under another name), sorted, labelled for reading.
 */
export function timeZoneOptions(alsoInclude: readonly string[]): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  for (const zone of alsoInclude) zones.add(zone);
  return [...zones]
    .sort((a, b) => a.localeCompare(b))
    .map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ').replaceAll('/', ' / ') }));
}
