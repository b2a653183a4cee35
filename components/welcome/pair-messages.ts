import type { PairCodeProblem } from '@/utils/settings/pair-code';
import { t } from '@/utils/views/i18n';

/** What is wrong with a typed pair code, in the user's language. */
export function pairProblemMessage(problem: PairCodeProblem): string {
  switch (problem.code) {
    case 'empty':
      return t('pair_problem_empty');
    case 'word-count':
      return t('pair_problem_word_count');
    case 'unknown-word':
      return t('pair_problem_unknown_word', [problem.word, String(problem.position)]);
    case 'check':
      return t('pair_problem_check');
  }
}
