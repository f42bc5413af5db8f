/** The `widget_events` table: what shoppers did in the widgets, for the stats. */
export interface WidgetEventsTable {
  /** `evt_…` */
  id: string;
  shop_id: string;
  type: 'faq_opened' | 'faq_search_empty' | 'threshold_reached';
  /** The question id (faq_opened) or the search text (faq_search_empty). */
  subject: string | null;
  threshold: number | null;
  currency: string | null;
  created_at: string;
}
