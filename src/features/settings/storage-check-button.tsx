// "Check storage": runs the consistency check on demand and says what it repaired.
import { useState } from 'react';
import { checkStorage, type StorageCheckReport } from '../../downloads/storage-check.ts';
import { describeRepairs } from '../../downloads/describe-repairs.ts';

/** The button and its report. */
export function StorageCheckButton() {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<StorageCheckReport>();
  async function run() {
    setBusy(true);
    try {
      setReport(await checkStorage());
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void run()}>
        {busy ? 'Checking…' : 'Check storage'}
      </button>
      {report && (
        <p role="status" className="tool-result">
          {describeRepairs(report) ?? 'Everything is in order: nothing to repair.'}
        </p>
      )}
    </>
  );
}
