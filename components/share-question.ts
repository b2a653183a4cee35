import { t } from '@/utils/views/i18n';

/**
 * "Send this question to your partner": the question as plain text, through the system's share
 * sheet where the browser has one, else copied to the clipboard. It goes wherever the couple
 * already talks; Closer itself sends nothing. Resolves to the confirmation to show ('' when the
 * share sheet spoke for itself or was closed).
 */
export async function shareQuestion(text: string, partnerName: string): Promise<string> {
  const message = t('share_text', text);
  try {
    if (navigator.share) {
      try {
        await navigator.share({ text: message });
        return '';
      } catch (error) {
        // Closing the share sheet is an answer; anything else falls back to copying.
        if ((error as Error).name === 'AbortError') return '';
      }
    }
    await navigator.clipboard.writeText(message);
    return t(partnerName ? 'share_copied_named' : 'share_copied', partnerName);
  } catch {
    return t('share_failed');
  }
}
