import pytest

from tests.portal.workorders.conftest import (  # noqa: F401
    building,
    category,
    emergency_category,
    fresh_cache,
    public_category,
    steward,
)


@pytest.fixture
def form_page(home_page, category):  # noqa: F811
    from cms.core.models import BrandSettings

    brand = BrandSettings.for_site(home_page.get_site())
    brand.hotline = "0536-8888 1234"
    brand.save()
    from cms.forms.models import RequestFormField
    from tests.cms.factories import RequestFormPageFactory

    return RequestFormPageFactory(
        parent=home_page,
        title="报事报修",
        slug="baoshi",
        intro="<p>户内维修请在这里提交。</p>",
        form_fields=[
            RequestFormField(label="方便上门时间", field_type="singleline", required=False),
            RequestFormField(label="name", field_type="singleline", required=False),
        ],
    )
