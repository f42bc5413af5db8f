import { css } from './css.js';

/** A short notice with an accent rule on its start side: the shipping cutoff and holiday deadline. */
export const noticeStyles = css`
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding: var(--_gap);
    border-radius: var(--_radius);
    background: var(--_background);
    border-inline-start: 0.25rem solid var(--_accent);
  }
  p {
    margin: 0;
  }
  .message {
    font-weight: var(--comptoir-emphasis-weight, 600);
  }
`;
