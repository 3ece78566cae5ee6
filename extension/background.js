// The extension's service worker: the toolbar button (and its shortcut, the
// `_execute_action` command) opens the side panel of the current tab, which reads the
// tab's article and digests it. The click is what grants `activeTab`, the panel's
// only access to the page. The panel's path names its tab, so a panel always speaks of
// the page it was opened on; a panel already open for the tab is told to read it again.

chrome.action.onClicked.addListener((tab) => {
  // Both calls are made at once: `open` must run while the click still counts as a gesture.
  const failed = (error) => console.warn(`tomtat: no side panel: ${error.message}`);
  chrome.sidePanel.setOptions({ tabId: tab.id, path: `panel.html?tab=${tab.id}`, enabled: true }).catch(failed);
  chrome.sidePanel.open({ tabId: tab.id }).catch(failed);
  chrome.runtime.sendMessage({ type: 'tomtat-read', tabId: tab.id }).catch(() => {
    // No panel open yet: the one just opened reads the page when it loads.
  });
});
