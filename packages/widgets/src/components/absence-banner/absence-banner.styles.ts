import { css } from '../../internal/css.js';

export default css`
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_gap);
    padding: var(--_gap);
    border-radius: var(--_radius);
    background: var(--_background);
    border-inline-start: 0.25rem solid var(--_accent);
  }
  .body {
    flex: 1 1 16rem;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .message.clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .dismiss {
    background: none;
    border: none;
    padding: 0.25rem;
    line-height: 1;
    font-size: 1.25em;
    margin-inline-start: auto;
  }
  .link {
    background: none;
    border: none;
    padding: 0;
    text-decoration: underline;
    align-self: flex-start;
  }
`;
