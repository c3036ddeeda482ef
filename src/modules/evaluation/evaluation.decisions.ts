/**
 * Decisions as stored (see evaluationDecisions): each rule text is split into its score head and
 * a basis (the rest, with the citations) that many decisions share.
 */
import type { Db } from '../../core/db/client.ts';
import * as repo from './evaluation.repo.ts';
import { ratingRuleHead, type RatingResult, type TaskCounts } from './evaluation.rules.ts';

export interface DecisionToWrite {
  evaluationId: number;
  score: number;
  result: RatingResult;
  tasks: TaskCounts;
}

/** Writes the decisions; returns how many were written (one decided meanwhile is kept). */
export async function writeDecisions(db: Db, items: DecisionToWrite[], decidedBy: string) {
  const split = items.map(({ score, result }) => {
    const head = ratingRuleHead(score);
    return result.rule.startsWith(head)
      ? { head, tail: result.rule.slice(head.length) }
      : { head: '', tail: result.rule };
  });
  const bases = await repo.saveBases(
    db,
    items.map((x, i) => ({
      tail: split[i]!.tail,
      citations: JSON.stringify(x.result.citations),
      taskCounts: JSON.stringify(x.tasks),
    })),
  );
  return repo.insertDecisions(
    db,
    items.map((x, i) => ({
      evaluationId: x.evaluationId,
      finalScore: x.score,
      rating: x.result.rating,
      ruleHead: split[i]!.head,
      basisId: bases[i]!,
    })),
    decidedBy,
  );
}
