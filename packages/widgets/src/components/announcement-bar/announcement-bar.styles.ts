import { css } from '../../internal/css.js';

export default css`
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 0.25rem var(--_gap);
    padding-block: 0.5rem;
    padding-inline: var(--_gap);
    border-radius: var(--_radius);
    background: var(--_background);
    text-align: center;
  }
  .stack {
    display: grid;
    flex: 1 1 8rem;
  }
  .message {
    grid-area: 1 / 1;
    margin: 0;
  }
  .message[inert] {
    visibility: hidden;
  }
  .countdown,
  .link {
    margin-inline-start: 0.5em;
  }
  .countdown {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .link {
    color: inherit;
    font-weight: 600;
    text-decoration-color: var(--_accent);
    text-underline-offset: 0.2em;
  }
  .controls {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .icon {
    background: none;
    border: none;
    min-inline-size: 24px;
    min-block-size: 24px;
    padding: 0.25rem;
    line-height: 1;
  }
`;
