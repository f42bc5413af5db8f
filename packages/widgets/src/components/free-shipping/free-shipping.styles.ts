import { css } from '../../internal/css.js';

export default css`
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    padding: var(--_gap);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  .message {
    margin: 0;
  }
  .bar {
    block-size: var(--comptoir-progress-height, 0.5rem);
    border-radius: var(--_radius);
    background: var(
      --comptoir-progress-track-color,
      color-mix(in srgb, currentColor 15%, transparent)
    );
    overflow: hidden;
  }
  .fill {
    block-size: 100%;
    inline-size: calc(var(--ratio) * 100%);
    background: var(--comptoir-progress-color, var(--_accent));
    border-radius: inherit;
    transition: inline-size 300ms ease-out;
  }
`;
