import { useEffect, useState } from 'react';
import { loadAllRecords } from '../storage/history';
import type { ProblemRecords } from '../storage/stats';

/** Every problem's stored records (progress, submissions), by id; undefined until loaded. */
export function useProblemRecords(): Record<string, ProblemRecords> | undefined {
  const [records, setRecords] = useState<Record<string, ProblemRecords>>();
  useEffect(() => {
    let live = true;
    loadAllRecords().then((loaded) => {
      if (live) setRecords(loaded.problems);
    });
    return () => {
      live = false;
    };
  }, []);
  return records;
}
