export { noticeStyles as default } from '../../internal/notice.styles.js';
