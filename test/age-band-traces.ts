import { AGE_BAND_LABELS, AGE_BANDS, type AgeBand } from '../lib/content/age-bands';

/** Every way a band could be written down: its id, its label, and their URL-encoded forms, in lower case. */
export function bandTraces(band: AgeBand): string[] {
  const label = AGE_BAND_LABELS[band];
  const forms = [band, label, label.replace('–', '-'), label.replace(' år', ''), label.replace('–', '-').replace(' år', '')];
  return [...new Set(forms.flatMap((f) => [f, encodeURIComponent(f), f.replace(/ /g, '+')]))].map((f) => f.toLowerCase());
}

/** The traces of every band that `text` holds (compared in lower case); none is what a test wants. */
export function bandTracesIn(text: string): string[] {
  const lower = text.toLowerCase();
  return AGE_BANDS.flatMap((band) => bandTraces(band).filter((trace) => lower.includes(trace)));
}
