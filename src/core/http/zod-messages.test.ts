import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { genders, professionalLevels } from '../../contracts/enums.ts';
import { ethnicities } from '../../contracts/reference-lists.ts';
import { configureZodMessages } from './zod-messages.ts';

configureZodMessages();
const messageOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues[0]?.message;

describe('validation messages', () => {
  it('names allowed code-list values by their Vietnamese labels, not their codes', () => {
    expect(messageOf(z.enum(genders), 'nam')).toBe('phải là một trong: Nam, Nữ');
    expect(messageOf(z.enum(professionalLevels), 'x')).toContain('Thạc sĩ');
    expect(messageOf(z.enum(professionalLevels), 'x')).not.toContain('master');
  });

  it('does not recite a long reference list', () => {
    expect(messageOf(z.enum(ethnicities), 'Kinh ')).toBe('không nằm trong danh sách cho phép');
  });

  it('keeps zod Vietnamese messages for everything else', () => {
    expect(messageOf(z.number().max(200), 500)).toMatch(/200/);
    expect(messageOf(z.string(), 5)).toMatch(/mong đợi/);
  });
});
