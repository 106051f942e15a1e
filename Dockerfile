# The official Odoo 19 image plus the pinned OCA addons of oca-requirements.txt
# (see docker-compose.yml). Their wheels require `odoo`, which is not on PyPI, so
# they go with --no-deps into their own folder on the addons path.
FROM odoo:19
USER root
COPY oca-requirements.txt /tmp/oca-requirements.txt
RUN pip3 install --no-cache-dir --no-deps --target /opt/oca -r /tmp/oca-requirements.txt \
    && rm /tmp/oca-requirements.txt
USER odoo
