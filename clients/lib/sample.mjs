// Where the checks find the sample: SAMPLE_URL, set by run.mjs after it started the sample (or by hand, to point the
// checks at a sample that is already running).
export function sampleUrl() {
  const url = process.env.SAMPLE_URL;
  if (!url) {
    throw new Error('SAMPLE_URL is not set: run the checks with ./run.sh, or set SAMPLE_URL=http://127.0.0.1:8080 '
        + 'for a sample that is already running');
  }
  return url.replace(/\/$/, '');
}
