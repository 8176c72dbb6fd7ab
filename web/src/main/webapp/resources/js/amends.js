/* Amends pages: the user's time zone for the server, and live SLA countdowns. */
(function () {
    "use strict";

    // The server shows moments in the zone this cookie names (io.amends.web.platform.Formats).
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && document.cookie.indexOf("amends.tz=" + encodeURIComponent(zone)) < 0) {
            document.cookie = "amends.tz=" + encodeURIComponent(zone) + "; path=/; SameSite=Lax";
        }
    } catch (ignored) {
        // no Intl: the server stays with UTC
    }

    // The server's clock may differ from the browser's (tests move it): count from the server's "now".
    var skew = 0;

    function pad(n) {
        return n < 10 ? "0" + n : "" + n;
    }

    function span(ms) {
        var s = Math.floor(Math.abs(ms) / 1000);
        var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
        if (d > 0) {
            return d + "d " + pad(h) + "h " + pad(m) + "m";
        }
        return h + "h " + pad(m) + "m " + pad(s % 60) + "s";
    }

    function tick() {
        var now = Date.now() + skew;
        var clocks = document.querySelectorAll("[data-due]");
        for (var i = 0; i < clocks.length; i++) {
            var el = clocks[i];
            var due = Date.parse(el.getAttribute("data-due"));
            if (isNaN(due)) {
                continue;
            }
            var left = due - now;
            var text = el.querySelector(".sla-left") || el;
            if (left >= 0) {
                text.textContent = span(left) + " left";
                el.classList.remove("breached");
                el.classList.toggle("soon", left < 4 * 3600 * 1000);
            } else {
                text.textContent = "breached " + span(left) + " ago";
                el.classList.add("breached");
                el.classList.remove("soon");
            }
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        var serverNow = Date.parse(document.body.getAttribute("data-now"));
        if (!isNaN(serverNow)) {
            skew = serverNow - Date.now();
        }
        tick();
        window.setInterval(tick, 1000);
    });
})();
