import { z } from 'zod';
import * as enums from '../../contracts/enums.ts';

/** Every code → label map of the shared code lists (genderLabels, memberStatusLabels…). */
const labelMaps = Object.entries(enums)
  .filter(([name]) => name.endsWith('Labels'))
  .map(([, map]) => map as Record<string, string>);

/**
 * Zod's Vietnamese messages, except for a value outside a code list: that one names the
 * allowed values as users know them ("Nam, Nữ"), never the codes ("male"|"female").
 */
export function configureZodMessages(): void {
  z.config(z.locales.vi());
  z.config({
    customError: (issue) => {
      if (issue.code !== 'invalid_value') return undefined;
      const values = issue.values.map(String);
      const map = labelMaps.find(
        (m) => Object.keys(m).length === values.length && values.every((v) => v in m),
      );
      if (map) return `phải là một trong: ${values.map((v) => map[v]).join(', ')}`;
      return values.length <= 6
        ? `phải là một trong: ${values.join(', ')}`
        : 'không nằm trong danh sách cho phép';
    },
  });
}
