import { css } from '../../internal/css.js';

export default css`
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .search input {
    inline-size: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-block: 0.4em;
    padding-inline: 0.6em;
    background: Field;
    color: FieldText;
    min-inline-size: 0;
  }
  .category {
    margin-block: 0.5rem 0.25rem;
    font-size: 1.1em;
  }
  .list {
    border-block-start: 1px solid var(--_border);
  }
  .item {
    border-block-end: 1px solid var(--_border);
  }
  .question {
    margin: 0;
    font: inherit;
  }
  .question button {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    inline-size: 100%;
    text-align: start;
    background: none;
    border: none;
    padding-block: 0.75rem;
    padding-inline: 0;
    font-weight: 600;
  }
  .question button::after {
    content: '+';
    color: var(--_accent);
  }
  .question button[aria-expanded='true']::after {
    content: '−';
  }
  .answer {
    padding-block-end: 0.75rem;
  }
  .answer p {
    margin-block: 0 0.5rem;
  }
  .answer[hidden] {
    display: none;
  }
`;
