"""Drawing kit for the ptbuilder exercise illustrations.

A tiny SVG writer that fits the viewBox to what was drawn, a parametric
figure (side view and front view), equipment and arrows.  Standard library
only.

World coordinates: body units, x to the right, y UP, the floor surface at
y = 0.  (The writer flips y when it writes SVG.)  Angles given to P() are in
degrees, mathematical sense: 0 = right, 90 = up, 180 = left, -90 = down.

Two kinds of size:
  * body units: the figure and the equipment.  They scale with the drawing,
    so a lying figure that fills its frame is drawn with the same
    proportions (and relative line weights) as a standing one.
  * screen units (px of the 400 px wide picture): arrows, the floor lines
    and the gaps between poses (side by side or stacked).  They are
    converted when the picture is fitted, so every arrow looks the same in
    every drawing.
"""
import math

W, H = 400, 240          # written width/height; the viewBox is fitted, 5:3
MARGIN = 0.06            # margin round the content, fraction of the viewBox width

# ------------------------------------------------------- body proportions
TOR = 50                 # shoulder joint to hip joint
NECK = 19                # shoulder joint to head centre
HR = 10.5                # head radius (outline centre)
UA, FA = 28, 24          # upper arm, forearm (elbow to wrist)
TH, SH = 43, 42          # thigh, shin
FOOT, HEEL = 13, 4       # ankle to toe, heel behind the ankle

# ------------------------------------------------------------ line weights
LIMB = 10.5              # limbs
CORE = 4.3               # white core of a far-side (hollow) limb
TORSO = 19               # side-view torso (filled, black)
NECK_W = 8.5
HEAD_SW = 4              # head outline
HAND_R = 5.6             # hand: small disc at the end of the forearm
FOOT_W = 8               # foot stroke
HALO = 2.8               # white gap round a near limb crossing the body
EQ = 3.5                 # equipment lines (body units)

# screen units (px in the 400 px wide picture)
FLOOR_PX = 4
ARROW_PX = 5
HEAD_LEN_PX = 15
HEAD_HALF_PX = 8.5
ARROW_HALO_PX = 3
GAP_PX = 34              # gap between two poses side by side

# stacked layout (poses one above the other), see Scene.row()
STACK_ASPECT = 2.2       # side-by-side content wider than this (w:h) is stacked
VGAP_PX = 16             # a pose's floor line to the top of the pose below it
STACK_FLOOR_PX = 8       # how far each short floor line runs past the poses

# levels above a surface at height b (the floor b=0 or a mat's top)
MAT_T = 6                # mat thickness (outline centre); its top outer edge is MAT_T + 1.5
MAT = MAT_T + 1.5
def on(b, what):
    """Centre height of a body part resting on a surface at height b."""
    return b + {'limb': LIMB / 2, 'torso': TORSO / 2, 'head': HR + HEAD_SW / 2,
                'hand': HAND_R, 'foot': FOOT_W / 2}[what]


WARNINGS = []


# ------------------------------------------------------------- geometry
def rad(a):
    return math.radians(a)


def P(p, a, l):
    """Point at distance l from p in direction a (degrees, 90 = up)."""
    return (p[0] + l * math.cos(rad(a)), p[1] + l * math.sin(rad(a)))


def add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def mul(a, k):
    return (a[0] * k, a[1] * k)


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def unit(v):
    l = math.hypot(v[0], v[1]) or 1.0
    return (v[0] / l, v[1] / l)


def ang(a, b):
    """Direction from a to b in degrees (90 = up)."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def perp(v):
    """v turned 90 degrees counter-clockwise."""
    return (-v[1], v[0])


def ik(a, c, l1, l2, toward, tag=''):
    """Middle joint of a two-segment limb from a to c; of the two solutions
    the one lying furthest in direction `toward` is chosen."""
    d = dist(a, c)
    base = math.atan2(c[1] - a[1], c[0] - a[0])
    if d >= l1 + l2:
        if d > l1 + l2 + 0.6:
            WARNINGS.append('%s: target %.1f beyond reach %.1f' % (tag, d, l1 + l2))
        return (a[0] + l1 * math.cos(base), a[1] + l1 * math.sin(base))
    if d <= abs(l1 - l2):
        WARNINGS.append('%s: target too close' % tag)
        d = abs(l1 - l2) + 0.01
    cos_t = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)
    th = math.acos(max(-1.0, min(1.0, cos_t)))
    mid = lerp(a, c, 0.5)
    best = None
    for s in (1, -1):
        j = (a[0] + l1 * math.cos(base + s * th), a[1] + l1 * math.sin(base + s * th))
        score = (j[0] - mid[0]) * toward[0] + (j[1] - mid[1]) * toward[1]
        if best is None or score > best[0]:
            best = (score, j)
    return best[1]


def qbez(p0, c, p1, n=24):
    out = []
    for i in range(n + 1):
        t = i / n
        out.append(((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0],
                    (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1]))
    return out


def arc_pts(c, r, a0, a1, ry=None, rot=0):
    ry = r if ry is None else ry
    n = max(8, int(abs(a1 - a0) / 5))
    out = []
    for i in range(n + 1):
        a = rad(a0 + (a1 - a0) * i / n)
        x, y = r * math.cos(a), ry * math.sin(a)
        cr, sr = math.cos(rad(rot)), math.sin(rad(rot))
        out.append((c[0] + x * cr - y * sr, c[1] + x * sr + y * cr))
    return out


def trim(ps, amount, from_end=True):
    """Cut `amount` of length off the end (or the start) of a polyline."""
    seq = ps[::-1] if from_end else list(ps)
    left = amount
    while len(seq) > 1:
        l = dist(seq[0], seq[1])
        if l > left:
            seq[0] = lerp(seq[0], seq[1], left / l)
            break
        left -= l
        seq.pop(0)
    return seq[::-1] if from_end else seq


def plen(ps):
    return sum(dist(a, b) for a, b in zip(ps, ps[1:]))


# ------------------------------------------------------------ svg writer
def f(v):
    s = '%.1f' % v
    if s.endswith('.0'):
        s = s[:-2]
    if s == '-0':
        s = '0'
    return s


class Layer:
    """A list of drawing items in world coordinates.  Each item is a
    function (u, T) -> (svg text, bbox entries) where u = body units per
    screen px and T maps a world point to SVG coordinates (this layer's
    offset included)."""

    def __init__(self):
        self.items = []
        self.dx = self.dy = 0.0

    # -- primitives ---------------------------------------------------
    def _stroke(self, w, screen):
        return (lambda u: w * u) if screen else (lambda u: w)

    def poly(self, ps, w=EQ, color='#000', fill='none', closed=False, cap='round',
             join='round', dash=None, screen=False):
        ps = [tuple(p) for p in ps]
        sw = self._stroke(w, screen)

        def item(u, T):
            q = [T(p) for p in ps]
            tag = 'polygon' if closed else 'polyline'
            if len(q) == 2 and not closed and fill == 'none':
                s = ('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" '
                     'stroke-linecap="%s"' % (f(q[0][0]), f(q[0][1]), f(q[1][0]), f(q[1][1]),
                                              color, f2(sw(u)), cap))
            else:
                s = ('<%s points="%s" fill="%s" stroke="%s" stroke-width="%s" '
                     'stroke-linejoin="%s" stroke-linecap="%s"'
                     % (tag, ' '.join('%s,%s' % (f(x), f(y)) for x, y in q), fill, color,
                        f2(sw(u)), join, cap))
            if dash:
                s += ' stroke-dasharray="%s"' % dash
            return s + '/>', [(x, y, sw(u) / 2) for x, y in q]
        self.items.append(item)

    def line(self, a, b, w=EQ, **kw):
        self.poly([a, b], w, **kw)

    def fill(self, ps, color='#000', outline=0):
        """Filled polygon (optionally with an outline of the same colour, which
        rounds its corners)."""
        ps = [tuple(p) for p in ps]

        def item(u, T):
            q = [T(p) for p in ps]
            d = 'M' + ' L'.join('%s %s' % (f(x), f(y)) for x, y in q) + 'Z'
            if outline:
                s = ('<path d="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round"/>'
                     % (d, color, color, f2(outline)))
            else:
                s = '<path d="%s" fill="%s"/>' % (d, color)
            return s, [(x, y, outline / 2) for x, y in q]
        self.items.append(item)

    def circle(self, c, r, w=EQ, fill='#fff', color='#000', dash=None, screen=False):
        sw = self._stroke(w, screen)

        def item(u, T):
            x, y = T(c)
            extra = ' stroke-dasharray="%s"' % dash if dash else ''
            if w:
                s = ('<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="%s"%s/>'
                     % (f(x), f(y), f(r), fill, color, f2(sw(u)), extra))
            else:
                s = '<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (f(x), f(y), f(r), fill)
            pad = r + (sw(u) / 2 if w else 0)
            return s, [(x - pad, y, 0), (x + pad, y, 0), (x, y - pad, 0), (x, y + pad, 0)]
        self.items.append(item)

    def ellipse(self, c, rx, ry, w=EQ, fill='#fff', rot=0, color='#000'):
        def item(u, T):
            x, y = T(c)
            pts = [T(p) for p in arc_pts(c, rx, 0, 360, ry, rot)]
            if rot:        # no transforms in the output: a turned ellipse is a polygon
                s = ('<polygon points="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round"/>'
                     % (' '.join('%s,%s' % (f(a), f(b)) for a, b in pts[:-1]), fill, color, f2(w)))
            else:
                s = ('<ellipse cx="%s" cy="%s" rx="%s" ry="%s" fill="%s" stroke="%s" stroke-width="%s"/>'
                     % (f(x), f(y), f(rx), f(ry), fill, color, f2(w)))
            return s, [(px, py, w / 2) for px, py in pts]
        self.items.append(item)

    def rect(self, x0, y0, x1, y1, w=EQ, rx=0, fill='#fff', color='#000'):
        """Axis-aligned box between world corners (x0, y0) and (x1, y1)."""
        def item(u, T):
            a, b = T((x0, y0)), T((x1, y1))
            X0, X1 = min(a[0], b[0]), max(a[0], b[0])
            Y0, Y1 = min(a[1], b[1]), max(a[1], b[1])
            r = ' rx="%s"' % f(rx) if rx else ''
            if w:
                s = ('<rect x="%s" y="%s" width="%s" height="%s"%s fill="%s" stroke="%s" '
                     'stroke-width="%s" stroke-linejoin="round"/>'
                     % (f(X0), f(Y0), f(X1 - X0), f(Y1 - Y0), r, fill, color, f2(w)))
            else:
                s = ('<rect x="%s" y="%s" width="%s" height="%s"%s fill="%s"/>'
                     % (f(X0), f(Y0), f(X1 - X0), f(Y1 - Y0), r, fill))
            return s, [(X0, Y0, w / 2), (X1, Y1, w / 2)]
        self.items.append(item)

    def path(self, ps, w=EQ, **kw):
        self.poly(ps, w, **kw)

    def custom(self, fn):
        """fn(u) -> None, drawing into a scratch layer; lets an item depend on
        the final scale."""
        def item(u, T):
            tmp = Layer()
            fn(tmp, u)
            out, bb = [], []
            for it in tmp.items:
                s, b = it(u, T)
                out.append(s)
                bb += b
            return '\n'.join(out), bb
        self.items.append(item)

    # -- arrows (screen sized) -----------------------------------------
    def arrow(self, ps, both=False, halo=True, w=ARROW_PX, head=HEAD_LEN_PX, half=HEAD_HALF_PX):
        """Arrow along a polyline (world points).  Shaft and head are in
        screen px, so every arrow looks the same after fitting."""
        ps = [tuple(p) for p in ps]

        def draw(L, u):
            _arrow(L, ps, both, halo, w * u, head * u, half * u, u)
        self.custom(draw)

    def arrow_line(self, a, b, both=False, **kw):
        self.arrow([a, lerp(a, b, 0.5), b], both, **kw)

    def arrow_arc(self, c, r, a0, a1, both=False, ry=None, rot=0, **kw):
        self.arrow(arc_pts(c, r, a0, a1, ry, rot), both, **kw)

    def arrow_curve(self, p0, c, p1, both=False, **kw):
        self.arrow(qbez(p0, c, p1, 24), both, **kw)


def f2(v):
    return ('%.2f' % v).rstrip('0').rstrip('.')


def _head_pts(tip, d, size, half):
    d = unit(d)
    base = sub(tip, mul(d, size))
    n = perp(d)
    return [tip, add(base, mul(n, half)), add(base, mul(n, -half))]


def _arrow(L, ps, both, halo, w, size, half, u):
    tip = ps[-1]
    d_end = sub(ps[-1], ps[-2])
    shaft = trim(ps, size - 2 * u, True)
    heads = [(tip, d_end)]
    if both:
        heads.append((ps[0], sub(ps[0], ps[1])))
        shaft = trim(shaft, size - 2 * u, False)
    if halo:
        g = ARROW_HALO_PX * u
        L.poly(shaft, w + 2 * g, color='#fff')
        for t, d in heads:
            L.fill(_head_pts(t, d, size, half), '#fff', outline=2 * g)
    L.poly(shaft, w, cap='butt')
    for t, d in heads:
        L.fill(_head_pts(t, d, size, half), '#000', outline=0.8 * u)


# -------------------------------------------------------------- scene
class Scene:
    """Layers (poses) fitted into a 5:3 viewBox.

    scene.row(layers) lays the frames of a movement (two to four poses,
    start first) out in one of two ways:

      * side by side ('row'): left to right on a common floor with GAP_PX
        between them;
      * stacked ('stack'): one above the other, the first on top, each on
        its own short floor line, VGAP_PX between a floor line and the pose
        below it.  The layers keep their own x, so poses drawn at the same
        origin line up (same mat, same head position).  groups=(2, 2) puts
        two poses side by side on each level (the order runs left to right,
        then down); a pose wholly to the right of the floor line above may
        rise beside the level above.

    There are no arrows between the frames: every frame of a multi-pose
    scene gets an invisible marker rect (id="frame-N", see _frames()) from
    which the PDF layout places a printed number ("1 Start", "2 Finish")
    beside it.

    layout=None (the default) stacks when the side-by-side content would be
    wider than STACK_ASPECT and stacking makes the figures larger; this
    catches the lying and kneeling sequences, which side by side are thin
    strips, and keeps standing and sitting sequences side by side.
    Without row() all layers stay where they were drawn."""

    def __init__(self):
        self.layers = []
        self.floor = True
        self.floor_y = 0.0
        self._row = None
        self.floors = []       # stacked layout: short floor lines (x0, x1, y surface)
        self.levels = []       # stacked layout: (layers, floor x0, floor x1, y surface)
        self.stacked = False
        self.frames = []       # marker rects written by render(): (x0, y0, x1, y1), SVG coordinates

    def layer(self):
        L = Layer()
        self.layers.append(L)
        return L

    def row(self, layers, gap=GAP_PX, layout=None, groups=None):
        """layout: None (automatic), 'row' or 'stack'.  groups: for the
        stacked layout, how many poses go side by side on each level (e.g.
        (2, 2): two levels of two poses); default one pose per level."""
        self._row = (layers, gap)
        self.layout = layout
        self.groups = tuple(groups) if groups else (1,) * len(layers)
        assert sum(self.groups) == len(layers)

    # -- layouts --------------------------------------------------------
    def _layout(self, u):
        self.floors, self.levels = [], []
        if not self._row:
            return
        if self.stacked:
            self._layout_stack(u)
        else:
            self._side_by_side(self._row[0], u)

    def _side_by_side(self, layers, u, keep_x=False):
        """Place layers left to right, GAP_PX apart.  keep_x: the first
        layer keeps its own x.  Returns the bbox (x0, x1, y0, y1), y up."""
        gap = self._row[1]
        x = None
        box = None
        for L in layers:
            L.dx = L.dy = 0.0
            x0, x1, y0, y1 = _bbox(L, u)
            if x is None:
                L.dx = 0.0 if keep_x else -x0
            else:
                L.dx = x + gap * u - x0
            x = L.dx + x1
            b = (x0 + L.dx, x1 + L.dx, y0, y1)
            box = b if box is None else (min(box[0], b[0]), max(box[1], b[1]),
                                         min(box[2], b[2]), max(box[3], b[3]))
        return box

    def _layout_stack(self, u):
        layers = self._row[0]
        fw = FLOOR_PX * u
        pad = STACK_FLOOR_PX * u
        levels, k = [], 0
        for n in self.groups:
            grp = layers[k:k + n]
            levels.append((grp, self._side_by_side(grp, u, keep_x=True)))
            k += n
        X0 = min(b[0] for _, b in levels) - pad
        X1 = max(b[1] for _, b in levels) + pad
        # one pose per level: all floor lines alike; otherwise each level's
        # line ends where its poses end
        same = max(self.groups) == 1
        dy = 0.0
        prev_bottom = prev_x1 = None
        for i, (grp, b) in enumerate(levels):
            top, bottom = b[3], min(b[2], -fw)
            if i:
                # the top of this level sits VGAP_PX below the floor line
                # above; a pose wholly to the right of that line (more than
                # VGAP_PX clear of it) may rise beside the level above
                clear = prev_x1 + VGAP_PX * u
                tops = [_bbox(L, u)[3] for L in grp if _bbox(L, u)[0] + L.dx < clear]
                top = max(tops) if tops else top
                dy = prev_bottom - VGAP_PX * u - top
            for L in grp:
                L.dy = dy
            x1 = X1 if same else b[1] + pad
            if self.floor:
                self.floors.append((X0, x1, dy))
            self.levels.append((grp, X0, x1, dy))
            prev_bottom = dy + bottom
            prev_x1 = x1

    def _choose(self):
        """Decide row or stack (see the class docstring)."""
        self.stacked = False
        if not self._row or len(self._row[0]) < 2 or self.layout == 'row':
            return
        if self.layout == 'stack':
            self.stacked = True
            return
        u_row, aspect = self._fit_scale()
        if aspect <= STACK_ASPECT:
            return
        self.stacked = True
        u_stack, _ = self._fit_scale()
        if u_stack >= u_row:         # stacking would not make the poses larger
            self.stacked = False

    def _fit_scale(self):
        u = 1.0
        for _ in range(6):
            self._layout(u)
            x0, x1, y0, y1 = self._content_bbox(u)
            vw, vh, m = _fit(x1 - x0, y1 - y0)
            u = vw / W
        return u, (x1 - x0) / (y1 - y0)

    def _frames(self, u):
        """One rect per pose of a multi-pose scene, in the order of the
        movement, SVG coordinates (x0, y0, x1, y1): the pose's drawn content
        with its own mat, chair and floor line.  Side by side the frames
        share their top (a printed label sits above each) and reach down to
        the floor line; stacked, a frame runs from its pose's top to its
        floor line and across that line (a label sits to its left)."""
        if not self._row or len(self._row[0]) < 2:
            return []
        fw = FLOOR_PX * u

        def box(L):
            x0, x1, y0, y1 = _bbox(L, u)
            return [x0 + L.dx, -(y1 + L.dy), x1 + L.dx, -(y0 + L.dy)]
        if not self.stacked:
            out = [box(L) for L in self._row[0]]
            top = min(b[1] for b in out)
            bottom = max(b[3] for b in out)
            if self.floor:
                bottom = max(bottom, -self.floor_y + fw)
            for b in out:
                b[1], b[3] = top, bottom
            return [tuple(b) for b in out]
        out = []
        for grp, fx0, fx1, dy in self.levels:
            level = [box(L) for L in grp]
            level[0][0] = min(level[0][0], fx0)
            level[-1][2] = max(level[-1][2], fx1)
            for b in level:
                if self.floor:
                    b[3] = max(b[3], -dy + fw)
            # level the tops where that overlaps no frame above
            top = min(b[1] for b in level)
            for b in level:
                cand = (b[0], top, b[2], b[3])
                if not any(_overlap(cand, o) for o in out):
                    b[1] = top
            out += [tuple(b) for b in level]
        return out

    def render(self):
        self._choose()
        u, _ = self._fit_scale()
        self._layout(u)
        body, bb = self._emit(u)
        x0, x1, y0, y1 = _bb(bb)
        fl = ''
        floor = self.floor and not self.stacked
        if floor:
            fw = FLOOR_PX * u
            y1 = max(y1, fw)
        vw, vh, m = _fit(x1 - x0, y1 - y0)
        if floor:
            fl = ('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000" stroke-width="%s"/>\n'
                  % (f(x0 - m), f(-self.floor_y + fw / 2), f(x1 + m), f(-self.floor_y + fw / 2), f2(fw)))
        vx = (x0 + x1) / 2 - vw / 2
        vy = (y0 + y1) / 2 - vh / 2
        # frame markers, rounded outwards to the written precision
        self.frames = []
        marks = ''
        for n, (a, b, c, d) in enumerate(self._frames(u), 1):
            a, b = math.floor(a * 10) / 10, math.floor(b * 10) / 10
            c, d = math.ceil(c * 10) / 10, math.ceil(d * 10) / 10
            self.frames.append((a, b, c, d))
            marks += ('<rect id="frame-%d" x="%s" y="%s" width="%s" height="%s" fill="none" stroke="none"/>\n'
                      % (n, f(a), f(b), f(c - a), f(d - b)))
        self.viewbox = (vx, vy, vw, vh)
        self.u = u
        return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="%s %s %s %s">\n'
                '<rect x="%s" y="%s" width="%s" height="%s" fill="#fff"/>\n%s%s%s\n</svg>\n'
                % (W, H, f(vx), f(vy), f(vw), f(vh), f(vx - 1), f(vy - 1), f(vw + 2), f(vh + 2),
                   marks, fl, body))

    def _content_bbox(self, u):
        _, bb = self._emit(u)
        x0, x1, y0, y1 = _bb(bb)
        if self.floor and not self.stacked:
            y1 = max(y1, FLOOR_PX * u - self.floor_y)
        return x0, x1, y0, y1

    def _emit(self, u):
        out, bb = [], []
        # stacked layout: the short floor lines go under everything
        base = Layer()
        fw = FLOOR_PX * u
        for (a, b, y) in self.floors:
            base.line((a, y - fw / 2), (b, y - fw / 2), fw, cap='butt')
        for L in [base] + self.layers:
            T = _mk_T(L)
            for it in L.items:
                s, b = it(u, T)
                out.append(s)
                bb += b
        return '\n'.join(out), bb


def _overlap(a, b):
    """Do rects (x0, y0, x1, y1) overlap (more than touch)?"""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _mk_T(L):
    return lambda p, L=L: (p[0] + L.dx, -(p[1] + L.dy))


def _bb(bb):
    x0 = min(x - p for x, y, p in bb)
    x1 = max(x + p for x, y, p in bb)
    y0 = min(y - p for x, y, p in bb)
    y1 = max(y + p for x, y, p in bb)
    return x0, x1, y0, y1


def _bbox(L, u):
    """World bbox (x0, x1, y0, y1) of a layer, y up, ignoring its offset."""
    T = lambda p: (p[0], -p[1])
    bb = []
    for it in L.items:
        bb += it(u, T)[1]
    x0, x1, Y0, Y1 = _bb(bb)
    return x0, x1, -Y1, -Y0


def _fit(w, h):
    """viewBox width and height (5:3) and the margin for content w x h."""
    a = W / H
    # width-limited: vw = w + 2 m, m = MARGIN * vw
    vw1 = w / (1 - 2 * MARGIN)
    # height-limited: vh = h + 2 m, m = MARGIN * vw = MARGIN * a * vh
    vh2 = h / (1 - 2 * MARGIN * a)
    vw = max(vw1, vh2 * a)
    return vw, vw / a, MARGIN * vw


# ------------------------------------------------------------ body parts
def draw_limb(L, ps, hollow=False, end=None, halo=0.0, w=LIMB):
    """A limb polyline with its end part: end = ('hand', centre) or
    ('foot', heel, toe).  Far-side limbs are hollow (black outline, white
    core).  halo > 0 first lays a white outline under the limb, starting
    that far from its root, so it reads as passing in front of the body."""
    if halo is not None and halo is not False:
        hs = trim(list(ps), halo, False) if halo > 0 else list(ps)
        if plen(hs) > 0.5:
            # square start (a round cap would bite into the body next to the
            # joint), round far end
            L.poly(hs, w + 2 * HALO, color='#fff', cap='butt')
            L.circle(hs[-1], w / 2 + HALO, 0, fill='#fff')
        if end and end[0] == 'hand':
            L.circle(end[1], HAND_R + HALO, 0, fill='#fff')
        elif end and end[0] == 'foot':
            L.line(end[1], end[2], FOOT_W + 2 * HALO, color='#fff')
    L.poly(ps, w)
    if end and end[0] == 'foot':
        L.line(end[1], end[2], FOOT_W)
    if end and end[0] == 'hand':
        L.circle(end[1], HAND_R, 0, fill='#000')
    if hollow:
        L.poly(ps, CORE, color='#fff')
        if end and end[0] == 'foot':
            L.line(end[1], end[2], max(FOOT_W - (LIMB - CORE), 1.5), color='#fff')
        if end and end[0] == 'hand':
            L.circle(end[1], HAND_R - (LIMB - CORE) / 2, 0, fill='#fff')


def head(L, c, face=None, r=HR):
    """Head circle; `face` = direction the face points (small nose)."""
    if face is not None:
        L.line(P(c, face, r - 2), P(c, face, r + 4.2), 4.2, cap='round')
    L.circle(c, r, HEAD_SW)


def torso_pts(S, Hp, bulge=(0, 0), n=14):
    m = lerp(S, Hp, 0.5)
    c = add(m, mul(bulge, 2))
    return qbez(S, c, Hp, n)


def torso_side(L, S, Hp, bulge=(0, 0), w=TORSO):
    L.poly(torso_pts(S, Hp, bulge), w)


def hand_at(Wr, E, extra=3.5):
    """Centre of the hand disc just beyond the wrist, along the forearm."""
    return P(Wr, ang(E, Wr), extra)


class Side:
    """A side-view figure.  'n' = near side, 'f' = far side.

    Limbs: dicts {'pts': [...], 'end': ('hand', c) | ('foot', heel, toe)}.
    A far limb identical to the near one is not drawn.  Far limbs are
    hollow where they would be confused with the near ones (set
    hollow_far = False to draw them solid)."""

    def __init__(self, S, Hp, hd, bulge=(0, 0), face=None, tag='fig'):
        self.S, self.H, self.hd, self.bulge, self.face = S, Hp, hd, bulge, face
        self.tag = tag
        self.arm_n = self.arm_f = self.leg_n = self.leg_f = None
        self.order = ['leg_f', 'arm_f', 'torso', 'neck', 'head', 'leg_n', 'arm_n']
        self.hooks = {}
        self.hollow_far = True
        self.halo_from = {'arm': 10, 'leg': 11}
        self.torso_halo = None      # white outline under the torso, from this far past S

    def draw(self, L):
        nk = dist(self.S, self.hd)
        if abs(nk - NECK) > 3:
            WARNINGS.append('%s: neck %.1f' % (self.tag, nk))
        for part in self.order:
            if part in self.hooks:
                self.hooks[part](L)
            lim = getattr(self, part, None) if part[:3] in ('arm', 'leg') else None
            if part in ('leg_f', 'arm_f'):
                near = getattr(self, part[:3] + '_n')
                if lim and not _same(lim, near):
                    draw_limb(L, lim['pts'], self.hollow_far, lim.get('end'),
                              lim.get('halo') if 'halo' in lim else None)
            elif part in ('leg_n', 'arm_n'):
                if lim:
                    h = lim.get('halo', self.halo_from[part[:3]])
                    draw_limb(L, lim['pts'], False, lim.get('end'), h)
            elif part == 'neck':
                L.line(self.S, self.hd, NECK_W)
            elif part == 'torso':
                if self.torso_halo is not None:
                    ps = trim(torso_pts(self.S, self.H, self.bulge)[::-1], self.torso_halo, True)
                    L.poly(ps, TORSO + 2 * HALO, color='#fff')
                torso_side(L, self.S, self.H, self.bulge)
            elif part == 'head':
                head(L, self.hd, self.face)
        if 'end' in self.hooks:
            self.hooks['end'](L)


def _same(a, b):
    if a is b:
        return True
    if a is None or b is None:
        return False
    return a.get('pts') == b.get('pts') and a.get('end') == b.get('end')


# --------------------------------------------------------- limb builders
def leg(Hp, A, toward, foot_ang=0, tag='leg', heel=HEEL, foot_len=FOOT):
    """Leg from hip to ankle (knee found by IK), foot at `foot_ang`."""
    K = ik(Hp, A, TH, SH, toward, tag)
    return {'pts': [Hp, K, A], 'end': ('foot', P(A, foot_ang, -heel), P(A, foot_ang, foot_len))}


def leg_fk(Hp, a_th, a_sh, foot_ang=None, heel=HEEL):
    K = P(Hp, a_th, TH)
    A = P(K, a_sh, SH)
    if foot_ang is None:
        foot_ang = a_sh + 90
    return {'pts': [Hp, K, A], 'end': ('foot', P(A, foot_ang, -heel), P(A, foot_ang, FOOT))}


def arm(S, Wr, toward, tag='arm', hand_dir=None):
    E = ik(S, Wr, UA, FA, toward, tag)
    return {'pts': [S, E, Wr], 'end': ('hand', P(Wr, ang(E, Wr) if hand_dir is None else hand_dir, 3.5))}


def arm_fk(S, a_ua, a_fa, hand_dir=None):
    E = P(S, a_ua, UA)
    Wr = P(E, a_fa, FA)
    return {'pts': [S, E, Wr], 'end': ('hand', P(Wr, a_fa if hand_dir is None else hand_dir, 3.5))}


def arm_to_hand(S, Hc, toward, tag='arm'):
    """Arm whose hand disc centre lands on Hc (hand continues the forearm)."""
    # solve for wrist: iterate since hand direction depends on the elbow
    Wr = Hc
    n = len(WARNINGS)
    for _ in range(6):
        E = ik(S, Wr, UA, FA, toward, tag)
        d = ang(E, Hc)
        Wr = P(Hc, d, -3.5)
    del WARNINGS[n:]
    E = ik(S, Wr, UA, FA, toward, tag)
    return {'pts': [S, E, Wr], 'end': ('hand', Hc)}


# ------------------------------------------------------ front view figure
class Front:
    """A front- or back-view figure.  The torso is a black rounded shape
    from the neck base N to the pelvis centre Pc, shoulders half-width sw,
    hips half-width hw.  Use .sh(side) / .hip(side) for the joints;
    side = +1 is the viewer's right."""

    def __init__(self, N, Pc, hd, sw=17, hw=13, face=None):
        self.N, self.Pc, self.hd, self.sw, self.hw = N, Pc, hd, sw, hw
        self.face = face
        self.limbs = []     # (pts, hollow, end, layer, halo)
        self.hooks = {}

    def _axes(self):
        d = unit(sub(self.Pc, self.N))        # down the body
        n = (-d[1], d[0])                    # to the viewer's right when upright
        if n[0] < 0 or (n[0] == 0 and n[1] < 0):
            n = (-n[0], -n[1])
        return d, n

    def sh(self, side, down=6):
        d, n = self._axes()
        return add(add(self.N, mul(n, side * (self.sw - 5))), mul(d, down))

    def hip(self, side):
        d, n = self._axes()
        return add(add(self.Pc, mul(n, side * (self.hw - 5.5))), mul(d, -2))

    def add_limb(self, ps, end=None, layer='front', hollow=False, halo=None):
        self.limbs.append((ps, hollow, end, layer, halo))

    def outline(self):
        d, n = self._axes()
        N, Pc = self.N, self.Pc
        L = dist(N, Pc)
        pts = []
        top = add(N, mul(d, 2))
        pts.append(add(top, mul(n, self.sw - 4)))
        pts.append(add(add(N, mul(d, 7)), mul(n, self.sw)))
        pts.append(add(add(N, mul(d, L * 0.55)), mul(n, self.hw - 0.5)))
        pts.append(add(Pc, mul(n, self.hw)))
        pts.append(add(add(Pc, mul(d, 4)), mul(n, self.hw - 3)))
        pts2 = [add(sub(q, N), N) for q in pts]
        # mirror
        mir = []
        for q in pts2[::-1]:
            v = sub(q, N)
            along = v[0] * d[0] + v[1] * d[1]
            acr = v[0] * n[0] + v[1] * n[1]
            mir.append(add(add(N, mul(d, along)), mul(n, -acr)))
        return pts2 + mir

    def draw(self, L):
        for ps, hollow, end, layer, halo in self.limbs:
            if layer == 'back':
                draw_limb(L, ps, hollow, end, halo)
        L.line(self.N, self.hd, NECK_W)
        L.fill(self.outline(), '#000', outline=5)
        if 'torso' in self.hooks:
            self.hooks['torso'](L)
        head(L, self.hd, self.face)
        for ps, hollow, end, layer, halo in self.limbs:
            if layer == 'front':
                draw_limb(L, ps, hollow, end, halo)
        if 'end' in self.hooks:
            self.hooks['end'](L)


# ---------------------------------------------------------- equipment
def mat(L, x0, x1, y=0):
    L.rect(x0, y, x1, y + MAT_T, 3, rx=3)


def chair(L, xb, facing=1, back=True, back_h=62, seat_w=44, seat=46, arms=False, arm_h=22):
    """Side-view chair; xb = x of the backrest, the seat extends in
    `facing`.  `seat` = height of the seat's top surface.  arms: an
    armrest `arm_h` above the seat, from the backrest to a post at the
    front of the seat."""
    xf = xb + facing * seat_w
    x0, x1 = min(xb, xf), max(xb, xf)
    for x in (xb + facing * 4, xf - facing * 4):
        L.line((x, seat - 4), (x, 0), EQ)
    L.line((x0 + 4, seat - 24), (x1 - 4, seat - 24), 2.5)
    if back:
        top = (xb - facing * 5, seat + back_h)
        base = (xb + facing * 1.5, seat - 2)
        L.line(base, top, EQ + 0.5)
        if arms:
            ya = seat + arm_h
            xa = lerp(base, top, (ya - base[1]) / (top[1] - base[1]))[0]
            xp = xf - facing * 5
            # a solid padded armrest with a rounded front end, on a post
            # over the front leg: it must not read as a second seat rail
            L.line((xp, seat - 2), (xp, ya), EQ + 0.5)
            L.line((xa, ya), (xp + facing * 4, ya), 8)
        a = lerp((xb, seat), top, 0.5)
        L.line(a, top, 9)
        L.line(a, top, 2.6, color='#fff')
    L.rect(x0, seat - 5.5, x1, seat - 1.5, 3, rx=2)
    return seat


def wall(L, x, width=12, top=180, side=1):
    """A wall from the floor to `top`; x = its face, the wall extends away
    from the room in direction -side."""
    xa, xb = (x - width, x) if side == 1 else (x, x + width)
    L.rect(xa, 0, xb, top, 3)
    y = 10
    while y + 22 < top:
        L.line((xa + 2.5, y), (xb - 2.5, y + 9), 1.8)
        y += 22


def heat_waves(L, cx, y0, n=3, gap=11, h=26):
    for i in range(n):
        x = cx + (i - (n - 1) / 2) * gap
        ps = []
        for k in range(33):
            t = k / 32
            ps.append((x + 3.6 * math.sin(t * 2 * math.pi * 1.5), y0 + t * h))
        L.poly(ps, 3)


def snowflake(L, c, r=14):
    for a in (90, 30, -30):
        p0, p1 = P(c, a, r), P(c, a + 180, r)
        L.line(p0, p1, 3)
        for base in (a, a + 180):
            m = P(c, base, r * 0.6)
            L.line(m, P(m, base + 40, r * 0.4), 2.5)
            L.line(m, P(m, base - 40, r * 0.4), 2.5)
