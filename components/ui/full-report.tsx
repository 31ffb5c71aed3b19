'use client';

import { createContext, useContext } from 'react';

/**
 * True inside a printable full report (`/d/<domain>`): values are never cut, problem rows and technical
 * details start open. False (the default) keeps the dashboard's compact behaviour.
 */
export const FullReportContext = createContext(false);

/** Whether the component is rendered inside a full report. */
export function useFullReport(): boolean {
  return useContext(FullReportContext);
}
