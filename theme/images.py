"""Alt text is required for images in the admin (WCAG 1.1.1).

Wagtail uses an image's *description* as its alt text. `AltTextImageForm` (set as
WAGTAILIMAGES_IMAGE_FORM_BASE) makes that field required and explains it in Chinese, in every image
form: add, edit, the chooser's upload tab and the multiple uploader's edit step. The multiple
uploader's very first request carries only the file; the description is asked for in the form it
shows next, so that one request is let through. Content blocks add their own per-use alt text with a
"decorative" option (cms.core.blocks), which takes precedence where an image is placed.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class AltTextImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is None:
            return
        field.label = _("Alt text (what the picture shows)")
        field.help_text = _(
            "Required. One short sentence for residents who cannot see the picture, "
            "e.g. “红管家在3号楼为独居老人检修水管”. Do not start with “图片”."
        )
        uploader_first_step = self.is_bound and self.add_prefix("description") not in self.data
        field.required = not uploader_first_step
        if field.required:
            field.error_messages["required"] = _("Please describe the picture: it is read aloud to blind residents.")

    def clean_description(self):
        return (self.cleaned_data.get("description") or "").strip()
