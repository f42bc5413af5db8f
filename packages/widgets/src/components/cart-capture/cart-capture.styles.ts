import { css } from '../../internal/css.js';

// The popover is never wider than a phone's screen: its positioning keeps 0.5rem clear each side.
// (No comments inside the css: they would ship.)

export default css`
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
    padding: var(--_gap);
    border-radius: var(--_radius);
    background: var(--_background);
    color: inherit;
    max-inline-size: var(--comptoir-capture-max-width, 28rem);
  }
  .popover {
    max-inline-size: min(var(--comptoir-capture-max-width, 28rem), calc(100vw - 1rem));
    position: fixed;
    inset-block-start: 0;
    inset-inline-start: 0;
    z-index: var(--comptoir-z-index, 1000);
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 25%);
    background: var(--comptoir-popover-background-color, Canvas);
  }
  dialog.base {
    border: none;
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 35%);
    background: var(--comptoir-popover-background-color, Canvas);
  }
  dialog::backdrop {
    background: var(--comptoir-backdrop-color, rgb(0 0 0 / 45%));
  }
  h2 {
    margin: 0;
    font-size: 1.15em;
  }
  p {
    margin: 0;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .header {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .close {
    background: none;
    border: none;
    padding: 0.25rem;
    line-height: 1;
    font-size: 1.25em;
  }
`;
