// The script-tag integration: plain JavaScript using window.Baton, no bundler, no inline script.
(function () {
  'use strict';
  var sasp = window.Baton.sasp;
  // The mock plays Sectigo on the other loopback name: another origin, as the real one is.
  var sectigoUrl = new URL(location.origin);
  sectigoUrl.hostname = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  var hosts = [sectigoUrl.host];
  var byId = function (id) { return document.getElementById(id); };
  var describe = function (error) { return error instanceof window.Baton.BatonError ? error.name + ': ' + error.message : String(error); };

  byId('session-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var orderNumber = event.target.elements.orderNumber.value;
    byId('session-line').textContent = 'Asking the merchant server for a session…';
    fetch('/merchant/sasp/session', { method: 'POST', body: new URLSearchParams({ orderNumber: orderNumber, format: '1' }) })
      .then(function (response) { return response.text(); })
      .then(function (body) {
        var session = sasp.parseSessionResponse(body, { format: 1 });
        var order = session.orderNumber || orderNumber;
        byId('session-line').textContent = 'Session ' + session.sid + ' for order ' + order + '.';
        // Through the merchant server, which adds the reseller login (Sectigo sends no CORS headers).
        return sasp.getPostPaymentStatus({ relay: '/merchant/sasp/status', orderNumber: order });
      })
      .then(function (status) {
        sasp.renderStatus(byId('status'), status, {
          headingLevel: 2,
          onAction: function (action) { byId('action-line').textContent = 'Action requested: ' + action.section + ' / ' + action.action; },
        });
        var canUpload = Boolean(status.uploadDocumentUrl && status.uploadDocumentToken);
        byId('upload-heading').hidden = !canUpload;
        if (canUpload) {
          sasp.mountUploadForm(byId('upload'), {
            url: status.uploadDocumentUrl,
            token: status.uploadDocumentToken,
            successURL: location.origin + '/merchant/sasp/documents-sent',
            errorURL: location.origin + '/merchant/sasp/documents-failed',
            allowedHosts: hosts,
          });
        }
      })
      .catch(function (error) { byId('session-line').textContent = describe(error); });
  });
})();
