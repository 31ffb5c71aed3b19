import { describe, expect, test } from 'vitest';
import * as schema from '@/lib/schema';
import * as values from './contract-values';

describe('every copy equals its original in lib/schema.ts', () => {
  test.each([
    { label: 'CLOUD_CHOICES', copy: values.CLOUD_CHOICES, original: schema.CLOUD_CHOICES },
    { label: 'SERVICE_FLAGS', copy: values.SERVICE_FLAGS, original: schema.SERVICE_FLAGS },
    { label: 'RECORD_IDS', copy: values.RECORD_IDS, original: schema.RECORD_IDS },
  ])('$label', ({ copy, original }) => {
    expect([...copy]).toEqual([...original]);
  });

  test.each(schema.LOOKUP_OUTCOMES.map((outcome) => ({ outcome })))('isAnswered($outcome)', ({ outcome }) => {
    expect(values.isAnswered(outcome)).toBe(schema.isAnswered(outcome));
  });
});
