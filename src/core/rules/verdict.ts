/** Where a rule comes from, so every verdict can say why. */
export interface Citation {
  rule: string;
  document: string;
}

/** CanBo's own consistency rules (dates in order, no cycles…), where no regulation applies. */
export const DATA_RULES_DOCUMENT = 'Quy tắc kiểm tra dữ liệu của CanBo';
export const dataCheck = (rule: string): Citation => ({ rule, document: DATA_RULES_DOCUMENT });

/** CanBo's access policy (who may hold which account), where no regulation applies. */
export const ACCESS_RULES_DOCUMENT = 'Quy định phân quyền của CanBo';
export const accessCheck = (rule: string): Citation => ({ rule, document: ACCESS_RULES_DOCUMENT });

/** A check's outcome: allowed or not, the Vietnamese explanation, and the rules it used. */
export interface Verdict {
  ok: boolean;
  message: string;
  citations: Citation[];
}

export const allow = (message = '', citations: Citation[] = []): Verdict => ({
  ok: true,
  message,
  citations,
});
export const deny = (message: string, citations: Citation[] = []): Verdict => ({
  ok: false,
  message,
  citations,
});

/** "…(theo Điều lệ Đảng, Chương V)" — the form users see under a refused action. */
export function explain(verdict: Verdict): string {
  if (!verdict.citations.length) return verdict.message;
  const sources = verdict.citations.map((c) => c.document).join('; ');
  return `${verdict.message} (theo ${sources})`;
}
