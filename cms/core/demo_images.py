"""Pictures for the demo, drawn on this machine with Pillow (no downloads), stored as Wagtail images.

Each picture is a flat illustration (buildings, a lecture, the canteen, care at home...) with a
Chinese title and alt text (Wagtail's `description`, which the templates use as alt). Made once,
found by title afterwards; Wagtail makes the renditions the templates ask for.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

WIDTH, HEIGHT = 1200, 675
RED, GOLD, CREAM, SKY, GREEN, GREY, WHITE, BROWN = (
    (183, 28, 28),
    (249, 168, 37),
    (255, 248, 225),
    (187, 222, 251),
    (102, 187, 106),
    (120, 144, 156),
    (255, 255, 255),
    (141, 110, 99),
)


def _ground(draw, sky=SKY, ground=GREEN):
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=sky)
    draw.rectangle([0, HEIGHT * 3 // 4, WIDTH, HEIGHT], fill=ground)


def _person(draw, x, y, scale=1.0, colour=RED):
    r = int(28 * scale)
    draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 224, 178))
    draw.rounded_rectangle([x - int(42 * scale), y + r, x + int(42 * scale), y + int(150 * scale)], 20, fill=colour)


def _buildings(draw):
    _ground(draw)
    for i, (height, colour) in enumerate([(420, (239, 235, 233)), (500, (255, 236, 179)), (360, (232, 234, 246))]):
        left = 120 + i * 340
        top = HEIGHT * 3 // 4 - height
        draw.rectangle([left, top, left + 260, HEIGHT * 3 // 4], fill=colour, outline=GREY, width=4)
        for row in range(top + 30, HEIGHT * 3 // 4 - 60, 70):
            for col in range(left + 30, left + 230, 70):
                draw.rectangle([col, row, col + 40, row + 40], fill=SKY, outline=GREY, width=2)
    draw.ellipse([980, 60, 1100, 180], fill=GOLD)


def _lecture(draw):
    _ground(draw, sky=CREAM, ground=(215, 204, 200))
    draw.rectangle([200, 80, 1000, 330], fill=RED)
    draw.rectangle([230, 110, 970, 300], fill=WHITE)
    for line in range(140, 280, 40):
        draw.line([270, line, 930, line], fill=GREY, width=6)
    draw.rectangle([520, 360, 680, 470], fill=BROWN)
    _person(draw, 600, 300, 0.8, colour=(33, 33, 33))
    for col in range(160, 1100, 150):
        _person(draw, col, 560, 0.7, colour=[RED, (25, 118, 210), GREEN][col // 150 % 3])


def _canteen(draw):
    _ground(draw, sky=CREAM, ground=(255, 224, 178))
    draw.ellipse([330, 260, 870, 560], fill=WHITE, outline=GREY, width=6)
    draw.chord([330, 200, 870, 560], 0, 180, fill=RED)
    draw.ellipse([380, 300, 820, 420], fill=(255, 241, 118))
    for x in (470, 600, 730):
        draw.arc([x - 40, 80, x + 40, 260], 100, 260, fill=GREY, width=8)
    draw.line([900, 180, 700, 400], fill=BROWN, width=12)
    draw.line([950, 200, 740, 420], fill=BROWN, width=12)


def _care(draw):
    _ground(draw, sky=(252, 228, 236), ground=(248, 187, 208))
    _person(draw, 470, 260, 1.4, colour=(25, 118, 210))
    _person(draw, 730, 280, 1.3, colour=RED)
    draw.line([560, 420, 650, 430], fill=(255, 224, 178), width=26)
    heart = [(600, 200), (540, 130), (570, 90), (600, 120), (630, 90), (660, 130)]
    draw.polygon(heart, fill=RED)


def _star(draw, cx, cy, r, colour=GOLD):
    import math

    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    draw.polygon(points, fill=colour)


def _party(draw):
    _ground(draw, sky=(255, 235, 238), ground=(239, 154, 154))
    draw.line([300, 110, 300, 560], fill=GREY, width=14)
    draw.rectangle([307, 110, 820, 420], fill=RED)
    _star(draw, 410, 210, 60)
    for cx, cy in ((500, 140), (540, 180), (540, 240), (500, 280)):
        _star(draw, cx, cy, 20)
    draw.rounded_rectangle([700, 450, 1100, 620], 20, fill=WHITE, outline=RED, width=6)
    for y in (500, 540, 580):
        draw.line([740, y, 1060, y], fill=RED, width=8)


def _cleaning(draw):
    _ground(draw, sky=(224, 247, 250), ground=(178, 235, 242))
    draw.rectangle([180, 140, 560, 500], fill=WHITE, outline=GREY, width=6)
    draw.line([370, 140, 370, 500], fill=GREY, width=4)
    draw.line([760, 120, 900, 470], fill=BROWN, width=16)
    draw.polygon([(860, 450), (960, 420), (1010, 600), (860, 620)], fill=GOLD)
    for x, y in ((650, 200), (700, 320), (620, 420)):
        draw.ellipse([x, y, x + 40, y + 40], outline=(0, 151, 167), width=5)


def _doctor(draw):
    _ground(draw, sky=(232, 245, 233), ground=(200, 230, 201))
    draw.rounded_rectangle([760, 140, 1000, 380], 30, fill=WHITE, outline=GREEN, width=6)
    draw.rectangle([860, 170, 900, 350], fill=RED)
    draw.rectangle([790, 240, 970, 280], fill=RED)
    _person(draw, 380, 250, 1.3, colour=WHITE)
    draw.arc([330, 330, 430, 430], 0, 180, fill=GREY, width=8)


def _repair(draw):
    _ground(draw, sky=(236, 239, 241), ground=(207, 216, 220))
    draw.rectangle([150, 120, 1050, 200], fill=GREY)
    draw.rectangle([560, 200, 640, 420], fill=GREY)
    _person(draw, 400, 330, 1.1, colour=RED)
    draw.line([470, 420, 580, 330], fill=(66, 66, 66), width=18)
    for y in (450, 500, 550):
        draw.ellipse([590, y, 610, y + 30], fill=(41, 182, 246))


PICTURES = {
    "buildings": ("圣菲漫步小区楼栋", "圣菲漫步小区的三栋住宅楼，阳光下窗明几净。", _buildings),
    "lecture": ("博悦大讲堂", "党群服务站里，讲师在讲台上授课，居民坐在台下听讲。", _lecture),
    "canteen": ("公益食堂", "公益食堂的一碗热腾腾的饭菜和一双筷子。", _canteen),
    "care": ("居家养老", "护理员上门，握着老人的手聊天。", _care),
    "party": ("党建引领", "飘扬的五星红旗和党群服务站的展板。", _party),
    "cleaning": ("定制保洁", "擦得透亮的窗户和保洁员的扫帚。", _cleaning),
    "doctor": ("家庭医生", "家庭医生在党群服务站坐诊，旁边是红十字标志。", _doctor),
    "repair": ("报事报修", "红管家在楼道里检修漏水的水管。", _repair),
}


def draw_picture(kind):
    """The JPEG bytes of the picture `kind`."""
    _title, _alt, painter = PICTURES[kind]
    canvas = PILImage.new("RGB", (WIDTH, HEIGHT), WHITE)
    painter(ImageDraw.Draw(canvas))
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def demo_image(kind):
    """The Wagtail image of the picture `kind`, drawn and stored the first time it is asked for."""
    from wagtail.images import get_image_model

    title, alt, _painter = PICTURES[kind]
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=alt)
        name = f"demo-{kind}.jpg"
        image.file.save(name, ImageFile(io.BytesIO(draw_picture(kind)), name=name), save=False)
        image.save()
    return image


def listing_picture(kind):
    """A page's listing image fields for the picture `kind`: the image and, in the page's own text
    (so a translation of the page translates it), what the picture shows."""
    return {"listing_image": demo_image(kind), "listing_image_alt": PICTURES[kind][1]}
