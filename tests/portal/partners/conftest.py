from tests.cms.conftest import tree  # noqa: F401 - the same page tree fixture
