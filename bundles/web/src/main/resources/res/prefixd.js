// The prefixd page: the snapshot from the event stream, live events, lifetimes counting down.
// Everything from the server is put in the page as text (textContent), never as HTML.
(function () {
    // Absolute, without user:password@ (fetch refuses URLs resolved against a page address that has them)
    var root = window.location.origin + window.pluginRoot;
    var state = null;
    var events = [];
    var refreshing = false;

    function left(until) {
        var s = Math.max(0, Math.floor((Date.parse(until) - Date.now()) / 1000));
        if (s >= 4294967295 || Date.parse(until) > Date.parse('9000-01-01T00:00:00Z')) return 'forever';
        var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
        return (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + r + 's';
    }

    function row(tbody, cells) {
        var tr = document.createElement('tr');
        cells.forEach(function (c) {
            var td = document.createElement('td');
            if (c instanceof Node) td.appendChild(c); else td.textContent = c;
            tr.appendChild(td);
        });
        tbody.appendChild(tr);
        return tr;
    }

    function body(id) {
        var tbody = document.querySelector('#' + id + ' tbody');
        tbody.textContent = '';
        return tbody;
    }

    function button(label, action, link) {
        var b = document.createElement('button');
        b.textContent = label;
        b.className = 'ui-button';
        b.id = 'prefixd-' + action + '-' + link;
        b.onclick = function () {
            fetch(root + '/' + action, {method: 'POST', headers: {'X-Prefixd-Action': '1', 'Content-Type': 'application/x-www-form-urlencoded'},
                body: 'link=' + encodeURIComponent(link)})
                .then(function (r) { return r.text(); })
                .then(function (t) { document.getElementById('prefixd-action').textContent = action + ' ' + link + ': ' + t; }); // its own line: the stream's next event must not hide it
        };
        return b;
    }

    function render() {
        if (!state) return;
        var sessions = {};
        state.sessions.forEach(function (s) { sessions[s.link] = s; });
        var links = body('prefixd-links');
        var names = {};
        state.links.forEach(function (l) { names[l.link] = true; });
        state.sessions.forEach(function (s) { names[s.link] = true; });
        Object.keys(names).sort().forEach(function (name) {
            var l = state.links.filter(function (x) { return x.link === name; })[0] || {mode: '', state: '', since: '', reason: ''};
            var s = sessions[name];
            var actions = document.createElement('span');
            if (s) { actions.appendChild(button('Renew', 'renew', name)); actions.appendChild(button('Release', 'release', name)); }
            row(links, [name, l.mode, l.state, l.since, l.reason, s ? s.state : '', actions]);
        });
        var leases = body('prefixd-leases');
        state.sessions.forEach(function (s) {
            s.addresses.forEach(function (a) { row(leases, [s.link, 'address', a.value, left(a.preferredUntil), left(a.validUntil)]); });
            s.prefixes.forEach(function (p) { row(leases, [s.link, 'prefix', p.value + (p.excluded ? ' (excluded ' + p.excluded + ')' : ''), left(p.preferredUntil), left(p.validUntil)]); });
            if (s.ipv4 && s.ipv4.lease) row(leases, [s.link, 'IPv4 (4o6)', s.ipv4.lease.address, '', left(s.ipv4.lease.validUntil)]);
        });
        var lans = body('prefixd-lans');
        state.lans.forEach(function (p) {
            var tr = row(lans, [p.lan, p.subnet, p.from, left(p.preferredUntil), left(p.validUntil), p.deprecated ? 'deprecated' : 'advertised']);
            if (p.deprecated) tr.className = 'deprecated';
        });
        var clients = body('prefixd-lanclients');
        (state.lanClients || []).forEach(function (c) {
            row(clients, [c.lan, c.mac || '', c.duid, (c.prefixes.length ? c.prefixes : c.addresses).join(' '), left(c.validUntil), c.how]);
        });
        document.getElementById('prefixd-radvd').textContent = state.radvd
            ? state.radvd.topic.replace('prefixd/radvd/', '') + ' at ' + state.radvd.time + ': ' + (state.radvd.reason || '') + (state.radvd.link ? ' (' + state.radvd.link + ')' : '')
            : 'No radvd event since the page\'s bundle started.';
        var ev = body('prefixd-events');
        events.forEach(function (e) { row(ev, [String(e.id), e.time, e.topic, e.link || '', e.reason || '']); });
    }

    function refresh() {
        if (refreshing) return;
        refreshing = true;
        setTimeout(function () {
            fetch(root + '/state.json').then(function (r) { return r.json(); }).then(function (s) {
                state = s; refreshing = false; render();
            }, function () { refreshing = false; });
        }, 200);
    }

    var stream = new EventSource(root + '/events');
    stream.addEventListener('snapshot', function (m) {
        state = JSON.parse(m.data);
        events = state.events.slice().reverse();
        document.getElementById('prefixd-status').textContent = 'Live: snapshot at ' + state.time + '.';
        render();
    });
    stream.onmessage = function (m) {
        var e = JSON.parse(m.data);
        events.unshift(e);
        if (events.length > 30) events.pop();
        document.getElementById('prefixd-status').textContent = 'Live: last event ' + e.topic + ' at ' + e.time + '.';
        refresh();
    };
    stream.onerror = function () {
        document.getElementById('prefixd-status').textContent = 'Event stream interrupted; reconnecting\u2026';
    };
    setInterval(render, 1000);
})();
