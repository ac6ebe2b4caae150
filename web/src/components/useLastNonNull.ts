import { useState } from 'react';

/**
 * The value, or while it is null the last value it had: a closing drawer keeps its title and
 * labels through the close animation instead of going blank (an unnamed dialog).
 */
export function useLastNonNull<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}
