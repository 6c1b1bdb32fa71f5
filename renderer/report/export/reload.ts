/**
 * After 定稿, 修改定稿 or restoring a version every part of the window changes: the report is
 * opened afresh (a reload), and the focus goes back to the header button now in the place of
 * the one that started it, not to the page.
 */

const FOCUS_ACTION_KEY = 'nianbao.focusReportAction';

export function reopenAfterStateChange(reportId: number): void {
  sessionStorage.setItem(FOCUS_ACTION_KEY, String(reportId));
  window.location.reload();
}

/** Whether this report was just reopened by reopenAfterStateChange (asked once). */
export function reopenedAfterStateChange(reportId: number): boolean {
  if (sessionStorage.getItem(FOCUS_ACTION_KEY) !== String(reportId)) return false;
  sessionStorage.removeItem(FOCUS_ACTION_KEY);
  return true;
}
