import { PRIVACY_NOTICE_SLOT_ID } from '@/lib/site';

/**
 * An empty placeholder, part of every prerendered page. When a new privacy statement is
 * published but not yet in force, the HTTP server fills it in each response (see
 * lib/server/privacy-notice.ts), so static pages show the notice without being rebuilt.
 * The empty inner HTML tells React not to hydrate (and so not to remove) what is put there.
 */
export function PrivacyNoticeSlot() {
  return <div id={PRIVACY_NOTICE_SLOT_ID} dangerouslySetInnerHTML={{ __html: '' }} />;
}
