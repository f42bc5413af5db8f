import { css } from '../../internal/css.js';

export { noticeStyles as default } from '../../internal/notice.styles.js';

export const listStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  a {
    color: inherit;
  }
`;
